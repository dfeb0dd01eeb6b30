import { QueryClient } from '@tanstack/react-query';
import { clear } from 'idb-keyval';
import { createApi } from '@/lib/api-client';
import type { OrderHistoryEntryDto, OrderStatus } from '@/lib/api/generated';
import { deviceStores } from '@/lib/offline/device-store';
import { createSessionStore } from '@/lib/session';
import { anOrder, courierUser, sessionFor } from '@/testing/data';
import { createFakeFetch } from '@/testing/fake-fetch';
import { createOutboxSender } from '../outbox-sender';
import { createOutboxStore, type QueuedChange } from '../outbox-store';

const order = anOrder({ status: 'ReadyForPickup', assignedCourierId: courierUser.id, version: 7 });
const statusRoute = `/api/orders/${order.id}/status`;

function change(to: OrderStatus, seq: number, version: number | null): QueuedChange {
  return {
    id: `key-${seq}`,
    seq,
    userId: courierUser.id!,
    orderId: order.id,
    trackingCode: order.trackingCode,
    from: 'ReadyForPickup',
    to,
    version,
    occurredAt: '2026-12-06T14:02:00.000Z',
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
  };
}

function entry(to: OrderStatus, actorId: string, actorName: string): OrderHistoryEntryDto {
  return { kind: 'StatusChange', from: 'ReadyForPickup', to, at: '2026-12-06T14:30:00Z', actorType: 'Delivery', actorId, actorName };
}

async function setup(...changes: QueuedChange[]) {
  await clear(deviceStores().outbox);
  const network = createFakeFetch();
  const sessions = createSessionStore(null);
  sessions.set(sessionFor(courierUser));
  const store = createOutboxStore();
  for (const queued of changes) await store.put(queued);
  const sender = createOutboxSender({ api: createApi({ fetch: network.fetch, sessions }), queryClient: new QueryClient(), store });
  return { network, store, sender };
}

describe('the courier outbox sender', () => {
  it('sends one order’s changes in order, each with its own key, the later one with the version the earlier answer brought', async () => {
    const { network, store, sender } = await setup(change('PickedUp', 1, 7), change('InTransit', 2, null));
    let version = 7;
    network.post(statusRoute, (request) => ({
      body: { ...order, status: (request.body as { status: OrderStatus }).status, version: ++version },
    }));

    await sender.flush();

    const sent = network.sent('POST', statusRoute);
    expect(sent.map((r) => [r.headers.get('Idempotency-Key'), r.headers.get('If-Match'), (r.body as { status: string }).status])).toEqual([
      ['key-1', '"7"', 'PickedUp'],
      ['key-2', '"8"', 'InTransit'],
    ]);
    expect(sent[0]!.body).toMatchObject({ occurredAt: '2026-12-06T14:02:00.000Z' });
    expect(store.snapshot()).toEqual([]);
    sender.stop();
  });

  it('counts a change the server already applied for this courier as sent, whatever the answer said', async () => {
    const { network, store, sender } = await setup(change('PickedUp', 1, 7));
    network.post(statusRoute, {
      status: 409,
      body: { type: '/problems/invalid-transition', title: 'Invalid status transition', status: 409 },
    });
    network.get(`/api/orders/${order.id}`, { body: { ...order, status: 'PickedUp', version: 8 } });
    network.get(`/api/orders/${order.id}/history`, { body: [entry('PickedUp', courierUser.id!, 'Carl Courier')] });

    await sender.flush();

    expect(store.snapshot()).toEqual([]);
    sender.stop();
  });

  it('keeps a refused change with who changed the order and its status now, and holds back that order’s later changes', async () => {
    const { network, store, sender } = await setup(change('PickedUp', 1, 7), change('InTransit', 2, null));
    network.post(statusRoute, { status: 412, body: { type: '/problems/precondition-failed', title: 'Precondition failed', status: 412 } });
    network.get(`/api/orders/${order.id}`, { body: { ...order, status: 'PickedUp', version: 9 } });
    network.get(`/api/orders/${order.id}/history`, { body: [entry('PickedUp', 'someone-else', 'Ada Admin')] });

    await sender.flush();

    const [first, second] = store.snapshot();
    expect(first).toMatchObject({ state: 'refused', refusal: { currentStatus: 'PickedUp' } });
    expect(first!.refusal!.detail).toBe('Not sent: Ada Admin changed this order in the meantime. It is now with the courier.');
    expect(second).toMatchObject({ state: 'refused', refusal: { detail: 'Not sent, because the change before it was not accepted.' } });
    expect(network.sent('POST', statusRoute)).toHaveLength(1);
    sender.stop();
  });

  it('keeps a change that could not reach the server waiting, and tries again later', async () => {
    const { network, store, sender } = await setup(change('PickedUp', 1, 7));
    network.post(statusRoute, () => {
      throw new TypeError('Failed to fetch');
    });
    const before = Date.now();

    await sender.flush();

    const [waiting] = store.snapshot();
    expect(waiting).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(waiting!.nextAttemptAt).toBeGreaterThan(before);
    sender.stop();
  });
});
