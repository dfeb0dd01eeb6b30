import type { AnalyticsSummary, MerchantRanking } from '@/lib/api/generated';
import { failureReasonLabel, statusLabels } from '@/lib/order-status';

/** One figure card: what it counts, the value as shown, and a line of context. */
export interface Figure {
  id: 'orders' | 'delivered' | 'average-delivery' | 'p90-delivery' | 'on-time';
  label: string;
  value: string;
  detail: string;
}

/** One bar of a chart and one row of its table: `value` is what is drawn, `display` what is written. */
export interface ChartDatum {
  key: string;
  label: string;
  value: number;
  display: string;
}

export interface SummaryView {
  totalOrders: number;
  figures: Figure[];
  ordersPerDay: ChartDatum[];
  statusMix: ChartDatum[];
  timeInStatus: ChartDatum[];
  failureReasons: ChartDatum[];
  /** Admins only; undefined for a merchant. */
  topMerchants?: MerchantRanking[];
}

const integer = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const dayLabel = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/**
 * Minutes as people read a delivery time: "45 min", "2 h 5 min", and from a day on in days and hours, to the hour
 * ("6 d 13 h", never "156 h 52 min": nobody counts a week in minutes).
 */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '—';
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  if (rounded >= 24 * 60) {
    const totalHours = Math.round(rounded / 60);
    const days = Math.floor(totalHours / 24);
    const hours = totalHours % 24;
    return hours === 0 ? `${integer.format(days)} d` : `${integer.format(days)} d ${hours} h`;
  }
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : percent.format(rate);
}

/** A yyyy-mm-dd calendar day (already in the summary's time zone) as "Nov 20"; formatted in UTC so it never shifts. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayLabel.format(date);
}

function plural(n: number, one: string, many: string): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}

/** Turns the API's summary into what the cards, charts and their text alternatives show. */
export function toSummaryView(summary: AnalyticsSummary): SummaryView {
  const { deliveryTime, onTime } = summary;
  const noDeliveries = deliveryTime.deliveredOrders === 0 ? 'No delivered orders yet' : undefined;
  const figures: Figure[] = [
    { id: 'orders', label: 'Orders', value: integer.format(summary.totalOrders), detail: 'Created in this range' },
    {
      id: 'delivered',
      label: 'Delivered',
      value: integer.format(deliveryTime.deliveredOrders),
      detail:
        summary.totalOrders > 0
          ? `${percent.format(deliveryTime.deliveredOrders / summary.totalOrders)} of the orders`
          : 'Of the orders in this range',
    },
    {
      id: 'average-delivery',
      label: 'Average delivery time',
      value: formatMinutes(deliveryTime.averageMinutes),
      detail: noDeliveries ?? 'From creation to delivery',
    },
    {
      id: 'p90-delivery',
      label: '90th percentile delivery time',
      value: formatMinutes(deliveryTime.p90Minutes),
      detail: noDeliveries ?? '9 in 10 orders arrive within this',
    },
    {
      id: 'on-time',
      label: 'On time',
      value: formatRate(onTime.rate),
      detail:
        onTime.deliveredWithEstimate > 0
          ? `${integer.format(onTime.deliveredOnTime)} of ${plural(onTime.deliveredWithEstimate, 'delivery', 'deliveries')} with an estimate` +
            (onTime.deliveredWithoutEstimate > 0 ? `; ${integer.format(onTime.deliveredWithoutEstimate)} without one` : '')
          : 'No delivered order had an estimate',
    },
  ];

  return {
    totalOrders: summary.totalOrders,
    figures,
    ordersPerDay: summary.ordersPerDay.map((d) => ({
      key: d.date,
      label: formatDay(d.date),
      value: d.orders,
      display: integer.format(d.orders),
    })),
    statusMix: summary.statusCounts
      .filter((s) => s.orders > 0)
      .map((s) => ({ key: s.status, label: statusLabels[s.status], value: s.orders, display: integer.format(s.orders) })),
    timeInStatus: summary.timeInStatus
      .filter((s) => s.averageMinutes !== null && s.averageMinutes !== undefined)
      .map((s) => ({
        key: s.status,
        label: statusLabels[s.status],
        value: Math.round((s.averageMinutes! / 60) * 10) / 10,
        display: `${formatMinutes(s.averageMinutes)} (${plural(s.orders, 'order', 'orders')})`,
      })),
    failureReasons: summary.failureReasons.map((f) => ({
      key: f.reason,
      label: failureReasonLabel(f.reason) ?? f.reason,
      value: f.attempts,
      display: plural(f.attempts, 'attempt', 'attempts'),
    })),
    topMerchants: summary.topMerchants ?? undefined,
  };
}
