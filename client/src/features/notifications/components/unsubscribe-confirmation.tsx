import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { LoadingState } from '@/components/ui/loading-state';
import { toApiError } from '@/lib/errors';
import { useUnsubscribe, useUnsubscribeLink } from '../api/use-unsubscribe';

/**
 * The page an e-mail's unsubscribe link opens: it says what the link stops and asks before stopping it, so a mail
 * scanner that follows links unsubscribes nobody. (Mail apps' one-click button posts to the API directly.)
 */
export function UnsubscribeConfirmation({ token }: { token: string }) {
  const link = useUnsubscribeLink(token);
  const unsubscribe = useUnsubscribe(token);
  if (link.isPending) return <LoadingState label="Reading the link…" />;
  if (link.isError) {
    const error = toApiError(link.error);
    return (
      <Alert tone="warning" title="This link does not work">
        {error.kind === 'validation' ? 'It is not valid, or it has expired. Use the link in a more recent e-mail.' : error.userMessage}
      </Alert>
    );
  }

  const what = link.data.trackingCode ? `e-mails about order ${link.data.trackingCode}` : `all e-mails from ${link.data.merchantName}`;
  if (unsubscribe.isSuccess) {
    return (
      <Alert tone="success" title="You are unsubscribed">
        {link.data.address} gets no more {what}.
      </Alert>
    );
  }

  return (
    <Card title="Stop these e-mails?">
      <p>
        {link.data.address} will get no more {what}.
      </p>
      {unsubscribe.error && <Alert tone="danger">{toApiError(unsubscribe.error).userMessage}</Alert>}
      <div className="row">
        <Button loading={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
          Unsubscribe
        </Button>
      </div>
    </Card>
  );
}
