import { analyticsKeys } from '@/features/analytics/api/analytics-keys';
import { deliveryKeys } from '@/features/deliveries/api/use-deliveries';
import { orderKeys } from '@/features/orders/api/order-keys';
import { trackingKeys } from '@/features/tracking/api/use-tracking';
import { liveQueryKeys } from '@/lib/live-updates';

/** Live updates name the features' queries by key; these keys must stay the ones the features use. */
describe('the query keys live updates invalidate', () => {
  const id = '0190b000-0000-7000-8000-00000000000a';

  it('are the orders feature’s keys for one order, its history and all lists', () => {
    expect(liveQueryKeys.orderDetail(id)).toEqual(orderKeys.detail(id));
    expect(liveQueryKeys.orderHistory(id)).toEqual(orderKeys.history(id));
    expect(liveQueryKeys.courierPosition(id)).toEqual(orderKeys.courierPosition(id));
    expect(liveQueryKeys.orderLists).toEqual(orderKeys.lists());
    expect(liveQueryKeys.orders).toEqual(orderKeys.all);
  });

  it('cover the courier’s lists', () => {
    for (const key of [deliveryKeys.mine('c1', true), deliveryKeys.available()]) {
      expect(key.slice(0, liveQueryKeys.orderLists.length)).toEqual([...liveQueryKeys.orderLists]);
    }
  });

  it('are the tracking feature’s key for a code, however it is typed', () => {
    expect(liveQueryKeys.trackingCode(' ot-7f3k9q2m4x ')).toEqual(trackingKeys.code('OT-7F3K9Q2M4X'));
    expect(trackingKeys.code('ot-7f3k9q2m4x').slice(0, 1)).toEqual([...liveQueryKeys.tracking]);
  });

  it('cover every analytics summary, whatever its range', () => {
    expect(liveQueryKeys.analytics).toEqual(analyticsKeys.all);
    const key = analyticsKeys.summary({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'Europe/Berlin' });
    expect(key.slice(0, liveQueryKeys.analytics.length)).toEqual([...liveQueryKeys.analytics]);
  });
});
