import type { ArrivalWindowDto, DeliveryFailureReason, OrderStatus, TrackingDto } from '@/lib/api/generated';
import { closedStatuses } from '@/lib/order-status';
import { statusWords } from '@/lib/status-wording';

/** The sender's public face. Optional until every API the page talks to sends it. */
export interface TrackingSender {
  businessName?: string;
  phone?: string;
  email?: string;
}

export type PublicTracking = TrackingDto & { sender?: TrackingSender };

/** What a customer calls each status: the same words every role reads; the internal names never reach the page. */
export const customerStatusLabels: Record<OrderStatus, string> = statusWords;

/** Why an attempt failed, as the customer would say it. */
export const customerFailureReasons: Record<DeliveryFailureReason, string> = {
  RecipientUnavailable: 'Nobody was available to receive the parcel.',
  AddressNotFound: 'The courier could not find the address.',
  RefusedByRecipient: 'The parcel was refused at the door.',
  Damaged: 'The parcel was damaged on the way.',
  Other: 'The courier could not complete the delivery.',
};

export interface Headline {
  title: string;
  details: string[];
}

export interface TimeOptions {
  /** For tests; the page always uses the viewer's own time zone and language. */
  timeZone?: string;
  locale?: string;
  /** For tests; the page uses the clock. */
  now?: Date;
}

function format(iso: string, options: Intl.DateTimeFormatOptions, { timeZone, locale }: TimeOptions): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
}

export function customerDate(iso: string, options: TimeOptions = {}): string {
  return format(iso, { weekday: 'long', day: 'numeric', month: 'long' }, options);
}

export function customerTime(iso: string, options: TimeOptions = {}): string {
  return format(iso, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }, options);
}

export function customerDateTime(iso: string, options: TimeOptions = {}): string {
  return `${customerDate(iso, options)} at ${customerTime(iso, options)}`;
}

/**
 * An arrival window as a person says it: "14:10 – 14:30 GMT" today, with the day when it is another day; a single time
 * when only the merchant's estimate is known. Undefined when there is no window (late, and no new one yet).
 */
export function arrivalWindowText(arrival: ArrivalWindowDto | undefined, options: TimeOptions = {}): string | undefined {
  if (!arrival?.from || !arrival.to) return undefined;
  if (arrival.from === arrival.to) return customerDateTime(arrival.to, options);
  const from = new Date(arrival.from);
  const to = new Date(arrival.to);
  const today = customerDate((options.now ?? new Date()).toISOString(), options) === customerDate(arrival.from, options);
  const parts: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: options.timeZone };
  const day: Intl.DateTimeFormatOptions = today ? {} : { weekday: 'long', day: 'numeric', month: 'long' };
  const range = new Intl.DateTimeFormat(options.locale, { ...day, ...parts }).formatRange(from, to);
  return today ? `today, ${range}` : range;
}

function lastEvent(tracking: PublicTracking, status: OrderStatus) {
  return (tracking.timeline ?? []).findLast((event) => event.status === status);
}

function contactHint(sender: TrackingSender | undefined): string {
  return sender?.businessName ? `Contact ${sender.businessName} if you have questions.` : 'Contact the sender if you have questions.';
}

/**
 * The line that matters now: when it was delivered, the estimate while it is on its way, or what went wrong and
 * what happens next. A closed parcel never shows an estimate.
 */
export function trackingHeadline(tracking: PublicTracking, options: TimeOptions = {}): Headline {
  const status = tracking.status ?? 'Pending';
  const at = lastEvent(tracking, status)?.at;
  const sender = tracking.sender?.businessName ?? tracking.merchantName ?? 'the sender';

  switch (status) {
    case 'Delivered':
      return { title: at ? `Delivered on ${customerDateTime(at, options)}` : 'Delivered', details: [] };
    case 'Cancelled':
      return {
        title: 'This order was cancelled',
        details: [
          `${sender} cancelled it${at ? ` on ${customerDate(at, options)}` : ''}; it will not be delivered.`,
          contactHint(tracking.sender),
        ],
      };
    case 'Returned':
      return {
        title: 'Returned to the sender',
        details: [`The parcel went back to ${sender}${at ? ` on ${customerDate(at, options)}` : ''}.`, contactHint(tracking.sender)],
      };
    case 'DeliveryFailed': {
      const reason = lastEvent(tracking, 'DeliveryFailed')?.failureReason;
      return {
        title: at ? `We could not deliver your parcel on ${customerDateTime(at, options)}` : 'We could not deliver your parcel',
        details: [
          reason ? customerFailureReasons[reason] : customerFailureReasons.Other,
          reason === 'Damaged'
            ? `${sender} will be in touch about a replacement.`
            : `The courier will try again, or the parcel will go back to ${sender}. You do not need to do anything.`,
        ],
      };
    }
    default: {
      if (closedStatuses.has(status)) return { title: customerStatusLabels[status], details: [] };
      const arrival = tracking.arrival;
      const window = arrivalWindowText(arrival, options);
      // Never a time already past as the estimate: past it, the parcel is running late, with a new window if there is one.
      const pastEstimate = !arrival && !!tracking.estimatedDeliveryAt && new Date(tracking.estimatedDeliveryAt) <= (options.now ?? new Date());
      if (arrival?.isLate || pastEstimate) {
        return {
          title: 'Running late',
          details: [
            `${customerStatusLabels[status]}.`,
            window ? `Now arriving ${window}.` : 'A new time will show here as soon as there is one.',
          ],
        };
      }
      if (window) {
        return {
          title: customerStatusLabels[status],
          details: [arrival!.from === arrival!.to ? `Estimated delivery: ${window}` : `Arriving ${window}`],
        };
      }
      return {
        title: customerStatusLabels[status],
        details: tracking.estimatedDeliveryAt ? [`Estimated delivery: ${customerDateTime(tracking.estimatedDeliveryAt, options)}`] : [],
      };
    }
  }
}
