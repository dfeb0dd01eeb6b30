import { PublicLayout } from '@/components/layouts/public-layout';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';

export function NotFoundRoute() {
  return (
    <PublicLayout>
      <section className="card">
        <EmptyState
          titleAs="h1"
          title="Page not found"
          description="The address may be mistyped, or the page has moved."
          action={
            <ButtonLink to="/" variant="primary">
              Go to the start page
            </ButtonLink>
          }
        />
      </section>
    </PublicLayout>
  );
}

export default NotFoundRoute;
