import type { OrderStatus } from './api/generated';
import { statusWords } from './status-wording';

/**
 * Display names and tones for statuses: the names are the one set of words every role reads (lib/status-wording).
 * The lifecycle itself is the API's: buttons come from allowedTransitions.
 */
export const statusLabels: Record<OrderStatus, string> = statusWords;

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

/** Statuses after which nothing more happens to a parcel: no estimate is shown for them. */
export const closedStatuses: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['Delivered', 'Returned', 'Cancelled']);

export type StepState = 'done' | 'current' | 'todo' | 'stopped';

export interface JourneyStep {
  status: OrderStatus;
  state: StepState;
}

/**
 * The steps to draw for an order in `status` that has been through `reached`: the happy path while on it; off it
 * (failed, returned, cancelled), the happy-path steps reached so far, then the off-path status itself as the current,
 * stopped step, then (after a failed attempt only, which may still end in delivery) the steps still to come.
 */
export function journeySteps(status: OrderStatus, reached: OrderStatus[]): JourneyStep[] {
  const reachedSet = new Set<OrderStatus>([...reached, status]);
  const currentIndex = progressSteps.indexOf(status);
  if (currentIndex >= 0) {
    return progressSteps.map((step, index) => ({
      status: step,
      state: index === currentIndex ? 'current' : index < currentIndex ? 'done' : 'todo',
    }));
  }
  const lastReached = Math.max(...progressSteps.map((step, index) => (reachedSet.has(step) ? index : -1)));
  const before: JourneyStep[] = progressSteps.slice(0, lastReached + 1).map((step) => ({ status: step, state: 'done' }));
  const failedEarlier: JourneyStep[] =
    status === 'Returned' && reachedSet.has('DeliveryFailed') ? [{ status: 'DeliveryFailed', state: 'done' }] : [];
  const stopped: JourneyStep = { status, state: 'stopped' };
  const after: JourneyStep[] =
    status === 'DeliveryFailed' ? progressSteps.slice(lastReached + 1).map((step) => ({ status: step, state: 'todo' })) : [];
  return [...before, ...failedEarlier, stopped, ...after];
}

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
