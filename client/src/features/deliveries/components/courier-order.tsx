import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ReturnOrderDialog } from '@/components/return-order-dialog';
import { ButtonLink } from '@/components/ui/button-link';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useToast } from '@/components/ui/toast/use-toast';
import type { OrderDto, OrderStatus } from '@/lib/api/generated';
import { useApi } from '@/lib/api-context';
import { apiCall, toApiError } from '@/lib/errors';
import { madeAndSent } from '@/lib/format';
import { actionWordsFor, statusWords } from '@/lib/status-wording';
import { useCourierOrder, useProofRequirements } from '../api/use-courier-order';
import { useNextDelivery } from '../api/use-deliveries';
import { expectedState } from '../outbox/courier-steps';
import { useOutbox } from '../outbox/outbox-context';
import { FailedAttemptDialog } from './failed-attempt-dialog';
import { ProofOfDeliveryDialog, type ProofOfDelivery } from './proof-of-delivery-dialog';
import { QueuedChanges } from './queued-changes';
import styles from './courier.module.css';

const closed = new Set<OrderStatus>(['Delivered', 'Returned', 'Cancelled']);

/** Where to go now: the pickup until the parcel is collected, then the drop-off. */
function destinationOf(order: OrderDto, status: OrderStatus) {
  if (status === 'ReadyForPickup' && order.pickup?.address) {
    const { address, label, mapUrl } = order.pickup;
    return {
      heading: `Collect from ${label}`,
      line1: address.line1,
      line2: address.line2,
      area: `${address.postalCode} ${address.city}`,
      mapUrl,
    };
  }
  return {
    heading: order.customer ? `Deliver to ${order.customer.name}` : 'Deliver to',
    line1: order.deliveryAddress?.line1 ?? order.deliveryArea.city,
    line2: order.deliveryAddress?.line2,
    area: `${order.deliveryArea.postalCode} ${order.deliveryArea.city}`,
    mapUrl: order.deliveryMapUrl,
  };
}

/**
 * One delivery on the courier's phone: where to go with call and navigate at the top, the steps taken (made offline
 * ones with when they were sent), and the next steps in a bar fixed at the bottom. Every step goes into the outbox
 * first, so it works the same with or without a signal, and a step already taken cannot be tapped twice.
 */
export function CourierOrder({ orderId }: { orderId: string }) {
  const api = useApi();
  const order = useCourierOrder(orderId);
  const history = useQuery({
    queryKey: ['orders', 'history', orderId],
    queryFn: ({ signal }) => apiCall(api.orders.history(orderId, signal)),
  });
  const requirements = useProofRequirements(orderId);
  const outbox = useOutbox();
  const toast = useToast();
  const [dialog, setDialog] = useState<'Delivered' | 'DeliveryFailed' | 'Returned' | null>(null);
  const [dialogKey, setDialogKey] = useState(0);
  const next = useNextDelivery(orderId, outbox.changes);

  if (!order.data) {
    if (order.isPending) return <LoadingState label="Loading the delivery…" />;
    const error = toApiError(order.error);
    return (
      <EmptyState
        title={error.kind === 'not-found' ? 'This delivery is not yours' : 'This delivery is not on this phone'}
        description={
          error.kind === 'not-found'
            ? 'It may have been given to another courier.'
            : 'Open it once with a signal to keep it for offline use.'
        }
        action={
          <ButtonLink to="/courier" variant="primary" size="lg">
            My deliveries
          </ButtonLink>
        }
      />
    );
  }

  const data = order.data;
  const mine = outbox.changes.filter((c) => c.orderId === orderId);
  const expected = expectedState(data, outbox.changes);
  const destination = destinationOf(data, expected.status);
  const steps = (history.data ?? []).filter((entry) => entry.kind === 'StatusChange' && entry.actorId === data.assignedCourierId);

  async function take(to: OrderStatus, details: ProofOfDelivery & { reason?: string } = {}) {
    setDialog(null);
    const change = await outbox.enqueue({ order: data, to, ...details });
    toast(
      navigator.onLine
        ? `${statusWords[change.to]}: sending…`
        : `${statusWords[change.to]}: kept on this phone, sent when there is a signal.`,
    );
  }

  function select(to: OrderStatus) {
    if (to === 'Delivered' || to === 'DeliveryFailed' || to === 'Returned') {
      setDialogKey((k) => k + 1);
      setDialog(to);
    } else void take(to);
  }

  return (
    <div className={styles.screen}>
      <section className={styles.destination} aria-labelledby="destination">
        <p className="muted small" id="destination">
          {destination.heading} · <span className="mono">{data.trackingCode}</span>
        </p>
        <h1 className={styles.address}>
          {destination.line1}
          {destination.line2 && `, ${destination.line2}`}
        </h1>
        <p>{destination.area}</p>
        <div className={styles.quickActions}>
          {data.customer?.phone ? (
            <a className="btn btn--secondary btn--lg" href={`tel:${data.customer.phone}`}>
              Call
            </a>
          ) : (
            <span />
          )}
          {destination.mapUrl && (
            <a className="btn btn--secondary btn--lg" href={destination.mapUrl} target="_blank" rel="noreferrer">
              Navigate
            </a>
          )}
        </div>
      </section>

      <section className="stack-sm" aria-label="Where this delivery stands">
        <p className={styles.statusLine}>
          <strong>{statusWords[expected.status]}</strong>
          {expected.waiting.length > 0 && <span className="muted small">(on this phone)</span>}
        </p>
        <QueuedChanges changes={mine} onDismiss={(id) => void outbox.dismiss(id)} />
        {steps.length > 0 && (
          <ul className="muted small" aria-label="Your steps">
            {steps.map((entry) => (
              <li key={`${entry.at}-${entry.to}`}>
                {entry.to && statusWords[entry.to]} {madeAndSent(entry.occurredAt, entry.at)}
              </li>
            ))}
          </ul>
        )}
      </section>

      {(expected.status === 'Returned' || expected.status === 'Cancelled') && <p className="muted">This order is closed.</p>}

      {expected.status === 'Delivered' && (
        <section className="card stack-sm" aria-label="Next">
          <p>
            <strong>Delivered.</strong>{' '}
            {next
              ? `Next: ${next.trackingCode}, ${next.deliveryArea.postalCode} ${next.deliveryArea.city}.`
              : 'That was the last one for now.'}
          </p>
          <ButtonLink to={next ? `/courier/orders/${next.id}` : '/courier'} variant="primary" size="lg" block>
            {next ? 'Next delivery' : 'My deliveries'}
          </ButtonLink>
        </section>
      )}

      <section className="card stack-sm" aria-label="Details">
        {data.customer && (
          <p>
            For <strong>{data.customer.name}</strong>
          </p>
        )}
        {data.notes && <p>Note: {data.notes}</p>}
        <ul className={styles.items} aria-label="Items">
          {data.items.map((item, index) => (
            <li key={`${item.name}-${index}`}>
              {item.quantity} × {item.name}
            </li>
          ))}
        </ul>
      </section>

      {!closed.has(expected.status) && expected.nextSteps.length > 0 && (
        <div className={styles.actionBar} role="group" aria-label="Order actions">
          {expected.nextSteps.map((to) => (
            <Button
              key={to}
              size="lg"
              variant={to === 'DeliveryFailed' || to === 'Returned' ? 'secondary' : 'primary'}
              onClick={() => select(to)}
            >
              {actionWordsFor(expected.status, to)}
            </Button>
          ))}
        </div>
      )}

      <ProofOfDeliveryDialog
        key={`proof-${dialogKey}`}
        open={dialog === 'Delivered'}
        requirements={requirements.data}
        onConfirm={(proof) => take('Delivered', proof)}
        onClose={() => setDialog(null)}
      />
      <ReturnOrderDialog
        open={dialog === 'Returned'}
        pending={false}
        onConfirm={() => void take('Returned')}
        onClose={() => setDialog(null)}
      />
      <FailedAttemptDialog
        key={`failed-${dialogKey}`}
        open={dialog === 'DeliveryFailed'}
        onConfirm={(reason, note) => void take('DeliveryFailed', { reason, note })}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
