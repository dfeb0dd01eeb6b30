import { Link } from 'react-router';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { ProofSettings } from '@/features/merchants/components/proof-settings-form';
import { WebhookEndpoints } from '@/features/webhooks/components/webhook-endpoints';
import { useCurrentUser } from '@/lib/use-session';

export default function SettingsRoute() {
  const user = useCurrentUser();
  return (
    <div className="stack">
      <PageHeader title="Settings" description="How your shop hears about your orders." />
      <Card title="Customer e-mails">
        <p className="muted">Which changes e-mail your customers, and how the e-mails look.</p>
        <Link to="/settings/notifications">Notifications</Link>
      </Card>
      <WebhookEndpoints owner={{}} description="Your shop’s endpoints are told about your orders, signed with their secret." />
      <ProofSettings merchantId={user.id} />
    </div>
  );
}
