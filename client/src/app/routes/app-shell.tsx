import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import { AppLayout, type NavItem } from '@/components/layouts/app-layout';
import { useSignOut } from '@/features/auth/api/use-sign-out';
import { LocationSharing } from '@/features/location-sharing/components/location-sharing';
import type { UserRole } from '@/lib/api/generated';
import { LiveUpdatesProvider } from '@/lib/live-updates-provider';
import { useSession } from '@/lib/use-session';
import styles from './app-shell.module.css';

const navByRole: Record<UserRole, NavItem[]> = {
  Merchant: [
    { to: '/orders', label: 'Orders', end: true },
    { to: '/orders/new', label: 'New order' },
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/business', label: 'Business profile' },
    { to: '/settings', label: 'Settings' },
  ],
  Delivery: [
    { to: '/courier', label: 'My deliveries', end: true },
    { to: '/courier/available', label: 'Ready for pickup' },
  ],
  Admin: [
    { to: '/orders', label: 'All orders', end: true },
    { to: '/orders/new', label: 'New order' },
    { to: '/dashboard', label: 'Dashboard' },
    { to: '/admin/users', label: 'Users' },
    { to: '/admin/partners', label: 'Partners' },
  ],
};

const roleLabels: Record<UserRole, string> = { Admin: 'Admin', Merchant: 'Merchant', Delivery: 'Courier' };

/** Everything behind sign-in: without a session (or when it ends) go to sign-in and come back afterwards. */
export default function AppShellRoute() {
  const session = useSession();
  const signOut = useSignOut();
  const location = useLocation();
  const [signedOutOnPurpose, setSignedOutOnPurpose] = useState(false);
  const navigation = useNavigation();

  // Move focus to the page on navigation so screen readers announce the new screen.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [location.pathname]);

  if (!session) {
    if (signedOutOnPurpose) return <Navigate to="/sign-in" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  const role = session.user.role ?? 'Merchant';
  return (
    // One live connection per signed-in user, for every screen behind sign-in; another user gets another one.
    <LiveUpdatesProvider signedIn key={session.user.id}>
      <AppLayout
        nav={navByRole[role]}
        userName={session.user.displayName ?? session.user.email ?? ''}
        roleLabel={roleLabels[role]}
        onSignOut={async () => {
          // A courier's changes not yet sent leave the phone with the session: never without being asked.
          if (role === 'Delivery') {
            const { unsentChanges } = await import('@/lib/offline/device-store');
            const waiting = await unsentChanges().catch(() => 0);
            if (
              waiting > 0 &&
              !window.confirm(
                `${waiting} ${waiting === 1 ? 'change has' : 'changes have'} not been sent yet. Signing out deletes them from this phone. Sign out anyway?`,
              )
            )
              return;
          }
          setSignedOutOnPurpose(true);
          signOut.mutate();
        }}
        signingOut={signOut.isPending}
      >
        {navigation.state === 'loading' && <div className={styles.routeProgress} aria-hidden="true" />}
        {role === 'Delivery' && <LocationSharing courierId={session.user.id!} />}
        <Outlet />
      </AppLayout>
    </LiveUpdatesProvider>
  );
}
