import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { MerchantProfile } from '@/features/merchants/components/merchant-profile';
import { WebhookEndpoints } from '@/features/webhooks/components/webhook-endpoints';
import { useCurrentUser } from '@/lib/use-session';

/**
 * The merchant's own profile at /business; an admin reaches any merchant's at /admin/merchants/:merchantId, with the
 * merchant's webhook endpoints below it (overseen: enabled, disabled, deleted, their logs read).
 */
export default function MerchantProfileRoute() {
  const user = useCurrentUser();
  const { merchantId } = useParams();
  const id = merchantId ?? user.id;
  return (
    <div className="app-main--narrow stack" style={{ margin: '0 auto' }}>
      <PageHeader
        title="Business profile"
        description="Your customers see the business name and contact on the tracking page; couriers see where to collect."
      />
      {merchantId && (
        <p>
          <Link to={`/admin/merchants/${merchantId}/notifications`}>Customer e-mails (notifications) of this merchant</Link>
        </p>
      )}
      <MerchantProfile key={id} merchantId={id} />
      {merchantId && (
        <WebhookEndpoints
          key={`webhooks-${merchantId}`}
          owner={{ merchantId }}
          description="Where this merchant’s orders are sent. You can disable or delete an endpoint and read its log; its address, events and secret stay the merchant’s."
        />
      )}
    </div>
  );
}
