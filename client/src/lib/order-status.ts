import type { OrderStatus } from './api/generated';

/** Display names and tones for statuses. The lifecycle itself is the API's: buttons come from allowedTransitions. */
export const statusLabels: Record<OrderStatus, string> = {
  Pending: 'Pending',
  Confirmed: 'Confirmed',
  Preparing: 'Preparing',
  ReadyForPickup: 'Ready for pickup',
  PickedUp: 'Picked up',
  InTransit: 'In transit',
  Delivered: 'Delivered',
  DeliveryFailed: 'Delivery failed',
  Returned: 'Returned',
  Cancelled: 'Cancelled',
};

export type StatusTone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

export const statusTones: Record<OrderStatus, StatusTone> = {
  Pending: 'neutral',
  Confirmed: 'info',
  Preparing: 'info',
  ReadyForPickup: 'progress',
  PickedUp: 'progress',
  InTransit: 'progress',
  Delivered: 'success',
  DeliveryFailed: 'warning',
  Returned: 'danger',
  Cancelled: 'danger',
};

export const allStatuses: OrderStatus[] = [
  'Pending',
  'Confirmed',
  'Preparing',
  'ReadyForPickup',
  'PickedUp',
  'InTransit',
  'Delivered',
  'DeliveryFailed',
  'Returned',
  'Cancelled',
];

/** The happy path shown as progress steps (tracking page, courier steps). */
export const progressSteps: OrderStatus[] = ['Pending', 'Confirmed', 'Preparing', 'ReadyForPickup', 'PickedUp', 'InTransit', 'Delivered'];

/** What a button that moves an order to `status` says. */
export const transitionLabels: Record<OrderStatus, string> = {
  Pending: 'Back to pending',
  Confirmed: 'Confirm',
  Preparing: 'Start preparing',
  ReadyForPickup: 'Ready for pickup',
  PickedUp: 'Mark picked up',
  InTransit: 'Mark in transit',
  Delivered: 'Mark delivered',
  DeliveryFailed: 'Delivery failed…',
  Returned: 'Mark returned',
  Cancelled: 'Cancel order…',
};

export const failureReasons = [
  { value: 'RecipientUnavailable', label: 'Recipient unavailable' },
  { value: 'AddressNotFound', label: 'Address not found' },
  { value: 'RefusedByRecipient', label: 'Refused by recipient' },
  { value: 'Damaged', label: 'Damaged' },
  { value: 'Other', label: 'Other (describe in the note)' },
] as const;

export function failureReasonLabel(reason: string | undefined | null): string | undefined {
  if (!reason) return undefined;
  return failureReasons.find((r) => r.value === reason)?.label.replace(/ \(.*\)$/, '') ?? reason;
}
