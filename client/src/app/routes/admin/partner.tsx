import { Link, useParams } from 'react-router';
import { PartnerOrders } from '@/features/orders/components/partner-orders';
import { PartnerApiKeys } from '@/features/partners/components/partner-api-keys';
import { WebhookEndpoints } from '@/features/webhooks/components/webhook-endpoints';

export default function PartnerRoute() {
  const { partnerId = '' } = useParams();
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb">
        <Link to="/admin/partners">← Delivery partners</Link>
      </nav>
      <PartnerApiKeys key={partnerId} partnerId={partnerId} />
      <PartnerOrders key={`orders-${partnerId}`} partnerId={partnerId} />
      <WebhookEndpoints
        key={`webhooks-${partnerId}`}
        owner={{ partnerId }}
        description="The partner’s endpoints are told about the orders assigned to it, as its API shows them."
      />
    </div>
  );
}
