import { PageHeader } from '@/components/ui/page-header';
import { ProofSettings } from '@/features/merchants/components/proof-settings-form';
import { WebhookEndpoints } from '@/features/webhooks/components/webhook-endpoints';
import { useCurrentUser } from '@/lib/use-session';

export default function SettingsRoute() {
  const user = useCurrentUser();
  return (
    <div className="stack">
      <PageHeader title="Settings" description="How your shop hears about your orders." />
      <WebhookEndpoints owner={{}} description="Your shop’s endpoints are told about your orders, signed with their secret." />
      <ProofSettings merchantId={user.id} />
    </div>
  );
}
