import { Badge } from '@/components/ui/badge';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import type { WebhookAttemptDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import { useWebhookDelivery } from '../api/use-webhooks';
import { attemptOutcome, readableBody } from '../utils/delivery-detail';
import { deliveryStatusLabel, deliveryStatusTone } from './delivery-status';
import styles from './webhooks.module.css';

function Attempt({ attempt, open }: { attempt: WebhookAttemptDto; open: boolean }) {
  const accepted = attempt.statusCode != null && attempt.statusCode >= 200 && attempt.statusCode < 300;
  return (
    <li className={styles.attempt}>
      <details open={open}>
        <summary>
          <span className={styles.attemptTime}>{formatDateTime(attempt.attemptedAt)}</span>{' '}
          <Badge tone={accepted ? 'success' : 'danger'}>{attemptOutcome(attempt)}</Badge>
        </summary>
        <div className="stack-sm">
          <h4>Request headers</h4>
          <pre className={styles.code}>{attempt.requestHeaders}</pre>
          <h4>Response headers</h4>
          {attempt.responseHeaders ? (
            <pre className={styles.code}>{attempt.responseHeaders}</pre>
          ) : (
            <p className="small muted">No answer came back.</p>
          )}
          <h4>Response body</h4>
          {attempt.responseBody ? (
            <>
              <pre className={styles.code}>{attempt.responseBody}</pre>
              {attempt.responseBodyTruncated && <p className="small muted">Showing the first 2 048 characters.</p>}
            </>
          ) : (
            <p className="small muted">Empty.</p>
          )}
        </div>
      </details>
    </li>
  );
}

/** One delivery: what was sent (the body; each attempt's headers) and what came back, newest attempt first. */
export function WebhookDeliveryDialog({
  endpointId,
  deliveryId,
  onClose,
}: {
  endpointId: string;
  deliveryId: string;
  onClose: () => void;
}) {
  const detail = useWebhookDelivery(endpointId, deliveryId);
  const delivery = detail.data?.delivery;

  return (
    <Dialog open onClose={onClose} title={delivery?.eventType ? `Delivery of ${delivery.eventType}` : 'Delivery'}>
      {detail.isPending ? (
        <LoadingState label="Loading the delivery…" />
      ) : detail.isError ? (
        <ErrorState error={detail.error} title="Could not load the delivery" onRetry={() => detail.refetch()} />
      ) : (
        <div className="stack">
          <dl className={styles.facts}>
            <dt>Status</dt>
            <dd>
              <Badge tone={deliveryStatusTone(delivery ?? {})}>{deliveryStatusLabel(delivery ?? {})}</Badge>
            </dd>
            <dt>Event id</dt>
            <dd>
              <code className={styles.url}>{delivery?.eventId}</code>
            </dd>
            {delivery?.status === 'Delivered' ? (
              <>
                <dt>Delivered at</dt>
                <dd>{formatDateTime(delivery.deliveredAt)}</dd>
              </>
            ) : (
              <>
                <dt>Retried until</dt>
                <dd>{formatDateTime(delivery?.retryUntil)}</dd>
              </>
            )}
          </dl>
          <section className="stack-sm" aria-labelledby={`request-${deliveryId}`}>
            <h3 id={`request-${deliveryId}`}>Request body</h3>
            <pre className={styles.code}>{readableBody(detail.data.requestBody ?? '')}</pre>
            <div className="row">
              <CopyButton text={detail.data.requestBody ?? ''} label="Copy the exact body" />
            </div>
          </section>
          <section className="stack-sm" aria-labelledby={`attempts-${deliveryId}`}>
            <h3 id={`attempts-${deliveryId}`}>Attempts ({detail.data.attempts?.length ?? 0})</h3>
            {detail.data.attempts?.length ? (
              <ol className={styles.attempts}>
                {detail.data.attempts.map((attempt, index) => (
                  <Attempt key={attempt.id} attempt={attempt} open={index === 0} />
                ))}
              </ol>
            ) : (
              <p className="muted">Not tried yet.</p>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
