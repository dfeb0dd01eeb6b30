import { isRouteErrorResponse, useRouteError } from 'react-router';
import { PublicLayout } from '@/components/layouts/public-layout';
import { Button } from '@/components/ui/button';

/** Last resort for a crash while rendering or a route chunk that failed to load (e.g. after a new deployment). */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'An unexpected error stopped this page.';
  return (
    <PublicLayout>
      <section className="card stack" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">{message}</p>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </section>
    </PublicLayout>
  );
}
