import { Button } from '@/components/ui/button';
import type { OrderDto, OrderStatus } from '@/lib/api/generated';
import { actionWordsFor } from '@/lib/status-wording';
import styles from './transition-buttons.module.css';

export interface TransitionButtonsProps {
  order: Pick<OrderDto, 'status' | 'allowedTransitions'>;
  busyStatus?: OrderStatus;
  onSelect: (status: OrderStatus) => void;
}

/**
 * One button per entry of the order's allowedTransitions, in the API's order except Cancel, which comes last as a
 * secondary button of its own size: the next step leads, and ending the order is never the widest, reddest choice.
 * The lifecycle is the API's: this component never decides which moves exist.
 */
export function TransitionButtons({ order, busyStatus, onSelect }: TransitionButtonsProps) {
  if (order.allowedTransitions.length === 0) return null;
  return (
    <div className={styles.actionBar} role="group" aria-label="Order actions">
      {[...order.allowedTransitions.filter((s) => s !== 'Cancelled'), ...order.allowedTransitions.filter((s) => s === 'Cancelled')].map(
        (status) => (
          <Button
            key={status}
            size="lg"
            className={status === 'Cancelled' ? styles.cancel : undefined}
            variant={status === 'Cancelled' ? 'secondary' : status === 'DeliveryFailed' || status === 'Returned' ? 'danger' : 'primary'}
            loading={busyStatus === status}
            disabled={!!busyStatus && busyStatus !== status}
            onClick={() => onSelect(status)}
          >
            {actionWordsFor(order.status, status)}
          </Button>
        ),
      )}
    </div>
  );
}
