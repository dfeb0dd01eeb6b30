import { Link, useParams } from 'react-router';
import { PageHeader } from '@/components/ui/page-header';
import { NotificationSettings } from '@/features/notifications/components/notification-settings';
import { useCurrentUser } from '@/lib/use-session';

/** The merchant's own at /settings/notifications; an admin reaches any merchant's at /admin/merchants/:merchantId/notifications. */
export default function NotificationsRoute() {
  const user = useCurrentUser();
  const { merchantId } = useParams();
  const id = merchantId ?? user.id;
  return (
    <div className="stack">
      <nav aria-label="Breadcrumb">
        {merchantId ? <Link to={`/admin/merchants/${merchantId}`}>← Business profile</Link> : <Link to="/settings">← Settings</Link>}
      </nav>
      <PageHeader title="Notifications" description="The e-mails your customers get when their order changes, and how they look." />
      <NotificationSettings key={id} merchantId={id} asAdmin={user.role === 'Admin'} />
    </div>
  );
}
