import { useSearchParams } from 'react-router';
import { PublicLayout } from '@/components/layouts/public-layout';
import { UnsubscribeConfirmation } from '@/features/notifications/components/unsubscribe-confirmation';

export default function UnsubscribeRoute() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  return (
    <PublicLayout>
      <h1>E-mail preferences</h1>
      <UnsubscribeConfirmation key={token} token={token} />
    </PublicLayout>
  );
}
