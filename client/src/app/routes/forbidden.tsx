import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';

export function ForbiddenPage() {
  return (
    <section aria-labelledby="forbidden-title" className="card">
      <h1 id="forbidden-title" className="visually-hidden">
        Forbidden
      </h1>
      <EmptyState
        title="You do not have access to this page"
        description="Your account's role cannot open it. If you think it should, ask an administrator."
        action={
          <ButtonLink to="/" variant="primary">
            Go to my start page
          </ButtonLink>
        }
      />
    </section>
  );
}
