import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';

export function ForbiddenPage() {
  return (
    <section className="card">
      <EmptyState
        titleAs="h1"
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
