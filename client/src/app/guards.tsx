import { Navigate, Outlet } from 'react-router';
import type { UserRole } from '@/lib/api/generated';
import { useSession } from '@/lib/use-session';
import { homePathFor } from './home-path';
import { ForbiddenPage } from './routes/forbidden';

/** A signed-in user whose role may not open the screen sees the forbidden page (the URL stays as typed). */
export function RequireRole({ roles }: { roles: UserRole[] }) {
  const session = useSession();
  const role = session?.user.role;
  if (!role || !roles.includes(role)) return <ForbiddenPage />;
  return <Outlet />;
}

export function RootRedirect() {
  const session = useSession();
  return <Navigate to={homePathFor(session?.user.role)} replace />;
}
