import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeFetch } from '@/testing/fake-fetch';
import { anOrder, courierUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { AvailableOrders } from '../available-orders';

// As the API sends a pool order to a courier: the area only, no customer, street or notes.
const pooled = anOrder({
  id: '0190b000-0000-7000-8000-0000000000c1',
  trackingCode: 'OT-POOLED0001',
  status: 'ReadyForPickup',
  customer: undefined,
  deliveryAddress: undefined,
  deliveryArea: { city: 'Leeds', postalCode: 'LS1 4AP', country: 'United Kingdom' },
  allowedTransitions: [],
});
const mine = anOrder({
  id: '0190b000-0000-7000-8000-0000000000c2',
  trackingCode: 'OT-MINE000002',
  status: 'ReadyForPickup',
  assignedCourierId: courierUser.id,
  allowedTransitions: ['PickedUp'],
});

function setup() {
  const network = createFakeFetch();
  network.get('/api/orders', { body: { items: [pooled, mine], nextCursor: null } });
  const view = renderWithApp(<AvailableOrders />, {
    network,
    session: sessionFor(courierUser),
    at: '/courier/available',
    path: '/courier/available',
    extraRoutes: [{ path: '/courier/orders/:orderId', element: <p>Order page</p> }],
  });
  return { ...view, network, user: userEvent.setup() };
}

describe('AvailableOrders', () => {
  it('lists only unassigned orders, each with a claim button', async () => {
    setup();
    expect(await screen.findByRole('button', { name: 'Claim OT-POOLED0001' })).toBeInTheDocument();
    expect(screen.queryByText('OT-MINE000002')).not.toBeInTheDocument();
  });

  it('shows the postal code and city of a pool order, which comes without customer and street', async () => {
    setup();
    const card = (await screen.findByRole('button', { name: 'Claim OT-POOLED0001' })).closest('li')!;
    expect(card).toHaveTextContent('LS1 4AP Leeds');
    expect(card).toHaveTextContent('Claim it to see the customer and street');
    expect(card).not.toHaveTextContent('Ada Lovelace');
  });

  it('opens the order after a successful claim', async () => {
    const { network, user } = setup();
    network.post(`/api/orders/${pooled.id}/claim`, {
      body: { ...pooled, assignedCourierId: courierUser.id, allowedTransitions: ['PickedUp'] },
    });
    await user.click(await screen.findByRole('button', { name: 'Claim OT-POOLED0001' }));
    expect(await screen.findByText('Order page')).toBeInTheDocument();
    expect(network.sent('POST', `/api/orders/${pooled.id}/claim`)[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{32,36}$/);
  });

  it('tells the courier when another one was faster (409) and refreshes the list', async () => {
    const { network, user } = setup();
    network.post(`/api/orders/${pooled.id}/claim`, {
      status: 409,
      body: { type: '/problems/concurrency-conflict', title: 'Conflict', status: 409, detail: 'Another courier claimed it.' },
    });
    await user.click(await screen.findByRole('button', { name: 'Claim OT-POOLED0001' }));
    expect(await screen.findByText('Another courier was faster. The list is up to date again.')).toBeInTheDocument();
    await waitFor(() => expect(network.sent('GET', '/api/orders').length).toBeGreaterThan(1));
  });
});
