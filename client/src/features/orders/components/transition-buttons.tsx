import { Button } from '@/components/ui/button';
import type { OrderDto, OrderStatus } from '@/lib/api/generated';
import { actionWordsFor } from '@/lib/status-wording';

export interface TransitionButtonsProps {
  order: Pick<OrderDto, 'status' | 'allowedTransitions'>;
  busyStatus?: OrderStatus;
  onSelect: (status: OrderStatus) => void;
}

/**
 * One button per entry of the order's allowedTransitions, in the API's order. The lifecycle is the API's: this
 * component never decides which moves exist.
 */
export function TransitionButtons({ order, busyStatus, onSelect }: TransitionButtonsProps) {
  if (order.allowedTransitions.length === 0) return null;
  return (
    <div className="action-bar" role="group" aria-label="Order actions">
      {order.allowedTransitions.map((status) => (
        <Button
          key={status}
          size="lg"
          variant={status === 'Cancelled' || status === 'DeliveryFailed' || status === 'Returned' ? 'danger' : 'primary'}
          loading={busyStatus === status}
          disabled={!!busyStatus && busyStatus !== status}
          onClick={() => onSelect(status)}
        >
          {actionWordsFor(order.status, status)}
        </Button>
      ))}
    </div>
  );
}
