import { Link, useParams } from 'react-router';
import { PartnerApiKeys } from '@/features/partners/components/partner-api-keys';

export default function PartnerRoute() {
  const { partnerId = '' } = useParams();
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb">
        <Link to="/admin/partners">← Delivery partners</Link>
      </nav>
      <PartnerApiKeys key={partnerId} partnerId={partnerId} />
    </div>
  );
}
