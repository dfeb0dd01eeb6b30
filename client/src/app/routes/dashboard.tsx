import { PageHeader } from '@/components/ui/page-header';
import { AnalyticsDashboard } from '@/features/analytics/components/analytics-dashboard';
import { useCurrentUser } from '@/lib/use-session';

export default function DashboardRoute() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={user.role === 'Admin' ? 'Every merchant’s orders at a glance.' : 'Your orders at a glance.'}
      />
      <AnalyticsDashboard />
    </>
  );
}
