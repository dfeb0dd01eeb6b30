import type { OrderStatus } from './api/generated';

/**
 * The one set of words for an order's status, for every role and screen: the merchant's list, the courier's app
 * and the customer's tracking page say the same thing ("Out for delivery"), and no screen shows an internal name
 * (InTransit) or makes a sentence out of one ("Order is now delivery failed.").
 */
export const statusWords: Record<OrderStatus, string> = {
  Pending: 'Order received',
  Confirmed: 'Order confirmed',
  Preparing: 'Being prepared',
  ReadyForPickup: 'Ready for the courier',
  PickedUp: 'With the courier',
  InTransit: 'Out for delivery',
  Delivered: 'Delivered',
  DeliveryFailed: 'Delivery attempt failed',
  Returned: 'Returned to the sender',
  Cancelled: 'Cancelled',
};

/** What a button that moves an order to `status` says, in the same words. */
export const actionWords: Record<OrderStatus, string> = {
  Pending: 'Back to received',
  Confirmed: 'Confirm',
  Preparing: 'Start preparing',
  ReadyForPickup: 'Ready for the courier',
  PickedUp: 'Mark picked up',
  InTransit: 'Mark out for delivery',
  Delivered: 'Mark delivered',
  DeliveryFailed: 'Delivery attempt failed…',
  Returned: 'Mark returned',
  Cancelled: 'Cancel order…',
};

/** The button after a failed attempt: another try, not "out for delivery" as if for the first time. */
export function actionWordsFor(from: OrderStatus, to: OrderStatus): string {
  if (from === 'DeliveryFailed' && to === 'InTransit') return 'Try delivery again';
  return actionWords[to];
}

/** The sentence after a change to `status` was made: a whole sentence of its own for each status. */
export const changedSentences: Record<OrderStatus, string> = {
  Pending: 'The order is back to received.',
  Confirmed: 'Order confirmed.',
  Preparing: 'The order is being prepared.',
  ReadyForPickup: 'The order is ready for the courier.',
  PickedUp: 'Picked up: the order is with the courier.',
  InTransit: 'The order is out for delivery.',
  Delivered: 'Delivered.',
  DeliveryFailed: 'The failed delivery attempt is recorded.',
  Returned: 'The order is returned to the sender.',
  Cancelled: 'Order cancelled.',
};
