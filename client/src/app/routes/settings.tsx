import { PageHeader } from '@/components/ui/page-header';
import { WebhookEndpoints } from '@/features/webhooks/components/webhook-endpoints';

export default function SettingsRoute() {
  return (
    <div className="stack">
      <PageHeader title="Settings" description="How your shop hears about your orders." />
      <WebhookEndpoints owner={{}} description="Your shop’s endpoints are told about your orders, signed with their secret." />
    </div>
  );
}
