import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OrderDto, OrderHistoryEntryDto } from '@/lib/api/generated';
import { createFakeFetch } from '@/testing/fake-fetch';
import { anOrder, courierUser, merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { OrderDetail } from '../order-detail';

const history: OrderHistoryEntryDto[] = [
  {
    to: 'Pending',
    at: '2026-11-20T09:00:00Z',
    actorType: 'Merchant',
    actorId: merchantUser.id,
    actorName: 'Corner Bakery',
    note: 'Order created',
  },
];

function setup(order: OrderDto, user = merchantUser) {
  const network = createFakeFetch();
  network.get(`/api/orders/${order.id}`, { body: order, headers: { ETag: `"${order.version}"` } });
  network.get(`/api/orders/${order.id}/history`, { body: history });
  network.get('/api/assignees', {
    body: {
      couriers: [{ id: courierUser.id, name: 'Carl Courier' }],
      partners: [{ id: '0190c000-0000-7000-8000-0000000000a1', name: 'Demo Partner' }],
    },
  });
  const view = renderWithApp(<OrderDetail orderId={order.id} />, { network, session: sessionFor(user) });
  return { ...view, network, user: userEvent.setup() };
}

async function actions() {
  return within(await screen.findByRole('group', { name: 'Order actions' }));
}

describe('OrderDetail transition buttons', () => {
  it('draws exactly one button per allowedTransitions entry', async () => {
    setup(anOrder({ status: 'Pending', allowedTransitions: ['Confirmed', 'Cancelled'] }));
    const group = await actions();
    expect(group.getAllByRole('button').map((b) => b.textContent)).toEqual(['Confirm', 'Cancel order…']);
  });

  it('draws the courier’s moves from the API, not from a lifecycle table of its own', async () => {
    setup(anOrder({ status: 'InTransit', allowedTransitions: ['Delivered', 'DeliveryFailed'] }), courierUser);
    const group = await actions();
    expect(group.getAllByRole('button').map((b) => b.textContent)).toEqual(['Mark delivered', 'Delivery attempt failed…']);
  });

  it('draws no action buttons when the caller may not move the order', async () => {
    setup(anOrder({ status: 'Preparing', allowedTransitions: [] }), courierUser);
    expect(await screen.findByText('Nothing for you to do on this order right now.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Order actions' })).not.toBeInTheDocument();
  });

  it('sends the chosen status with the order’s version as If-Match and shows the answer', async () => {
    const order = anOrder({ status: 'Pending', allowedTransitions: ['Confirmed', 'Cancelled'], version: 41 });
    const { network, user } = setup(order);
    network.post(`/api/orders/${order.id}/status`, {
      body: { ...order, status: 'Confirmed', version: 42, allowedTransitions: ['Preparing', 'Cancelled'] },
    });

    await user.click((await actions()).getByRole('button', { name: 'Confirm' }));

    // The clicked button is gone; focus continues at the order's new first action.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start preparing' })).toHaveFocus());
    const [request] = network.sent('POST', `/api/orders/${order.id}/status`);
    expect(request!.body).toEqual({ status: 'Confirmed' });
    expect(request!.headers.get('If-Match')).toBe('"41"');
    expect(request!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{32,36}$/);
  });

  it('asks for a reason before cancelling', async () => {
    const order = anOrder({ status: 'Pending', allowedTransitions: ['Confirmed', 'Cancelled'] });
    const { network, user } = setup(order);
    network.post(`/api/orders/${order.id}/status`, { body: { ...order, status: 'Cancelled', allowedTransitions: [] } });

    await user.click((await actions()).getByRole('button', { name: 'Cancel order…' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this order?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAccessibleDescription('Say why the order is cancelled.');
    expect(network.sent('POST', `/api/orders/${order.id}/status`)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Reason'), 'Customer changed their mind');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel order' }));
    await waitFor(() => expect(network.sent('POST', `/api/orders/${order.id}/status`)).toHaveLength(1));
    expect(network.sent('POST', `/api/orders/${order.id}/status`)[0]!.body).toEqual({
      status: 'Cancelled',
      reason: 'Customer changed their mind',
    });
  });

  it('offers the five failure reasons and requires a note for Other', async () => {
    const order = anOrder({ status: 'InTransit', allowedTransitions: ['Delivered', 'DeliveryFailed'] });
    const { network, user } = setup(order, courierUser);
    network.post(`/api/orders/${order.id}/status`, {
      body: { ...order, status: 'DeliveryFailed', allowedTransitions: ['InTransit', 'Returned'] },
    });

    await user.click((await actions()).getByRole('button', { name: 'Delivery attempt failed…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delivery attempt failed' });
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['RecipientUnavailable', 'AddressNotFound', 'RefusedByRecipient', 'Damaged', 'Other']);

    await user.click(within(dialog).getByRole('radio', { name: /Other/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Report failed delivery' }));
    expect(within(dialog).getByLabelText('Note')).toHaveAccessibleDescription('Describe what went wrong.');
    expect(network.sent('POST', `/api/orders/${order.id}/status`)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('Note'), 'Gate locked');
    await user.click(within(dialog).getByRole('button', { name: 'Report failed delivery' }));
    await waitFor(() => expect(network.sent('POST', `/api/orders/${order.id}/status`)).toHaveLength(1));
    expect(network.sent('POST', `/api/orders/${order.id}/status`)[0]!.body).toEqual({
      status: 'DeliveryFailed',
      reason: 'Other',
      note: 'Gate locked',
    });
  });

  it('explains a refused move (409 invalid transition) and reloads the order', async () => {
    const order = anOrder({ status: 'Pending', allowedTransitions: ['Confirmed', 'Cancelled'] });
    const { network, user } = setup(order);
    network.post(`/api/orders/${order.id}/status`, {
      status: 409,
      body: {
        type: '/problems/invalid-transition',
        title: 'Invalid transition',
        status: 409,
        detail: 'The order is Cancelled; it cannot move to Confirmed.',
      },
    });

    await user.click((await actions()).getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('The order is Cancelled; it cannot move to Confirmed.')).toBeInTheDocument();
    await waitFor(() => expect(network.sent('GET', `/api/orders/${order.id}`).length).toBeGreaterThan(1));
  });

  it('assigns a courier picked by name', async () => {
    const order = anOrder({ status: 'Confirmed', allowedTransitions: ['Preparing', 'Cancelled'] });
    const { network, user } = setup(order);
    network.post(`/api/orders/${order.id}/assignment`, { body: { ...order, assignedCourierId: courierUser.id } });

    await user.click(await screen.findByRole('button', { name: 'Assign' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign delivery' });
    await user.selectOptions(await within(dialog).findByLabelText('Courier'), 'Carl Courier');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));

    await waitFor(() => expect(screen.getByText('Courier Carl Courier')).toBeInTheDocument());
    const [request] = network.sent('POST', `/api/orders/${order.id}/assignment`);
    expect(request!.body).toEqual({ courierId: courierUser.id });
    expect(request!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{32,36}$/);
  });

  it('shows the timeline with who, when and the note', async () => {
    setup(anOrder());
    const timeline = await screen.findByRole('list', { name: 'Order history' });
    expect(timeline).toHaveTextContent('Order received');
    expect(timeline).toHaveTextContent('by Corner Bakery (merchant)');
    expect(timeline).toHaveTextContent('Note: Order created');
  });
});
