import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PublicLayout } from '@/components/layouts/public-layout';
import { Card } from '@/components/ui/card';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import { TrackingLookup } from '@/features/tracking/components/tracking-lookup';
import { useApi } from '@/lib/api-context';
import { useSession } from '@/lib/use-session';
import { homePathFor, safeNext } from '../home-path';

export default function SignInRoute() {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));

  if (session) return <Navigate to={next ?? homePathFor(session.user.role)} replace />;

  return (
    <PublicLayout>
      <h1>Sign in</h1>
      <Card>
        <SignInForm onSignedIn={() => navigate(next ?? homePathFor(api.sessions.get()?.user.role), { replace: true })} />
      </Card>
      <Card title="Track a parcel" level={2}>
        <div className="stack-sm">
          <p className="muted">Have a tracking code? No account needed.</p>
          <TrackingLookup onLookup={(code) => navigate(`/track/${encodeURIComponent(code)}`)} />
        </div>
      </Card>
    </PublicLayout>
  );
}
