import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeFetch, type RecordedRequest } from '@/testing/fake-fetch';
import { anOrder, courierUser, merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { OrdersList } from '../orders-list';

const first = anOrder({ id: '0190b000-0000-7000-8000-000000000001', trackingCode: 'OT-FIRST00001' });
const second = anOrder({ id: '0190b000-0000-7000-8000-000000000002', trackingCode: 'OT-SECOND0002' });

/** The query string with lower-case names: the API binds them case-insensitively (the document says `Status`, `search`…). */
function query(request: RecordedRequest) {
  const params = new URLSearchParams();
  new URL(request.url, 'http://localhost').searchParams.forEach((value, name) => params.append(name.toLowerCase(), value));
  return params;
}

const adminUser = {
  ...merchantUser,
  id: '0190a000-0000-7000-8000-0000000000ad',
  email: 'admin@example.com',
  displayName: 'Ada Admin',
  role: 'Admin' as const,
};

function setup(at = '/orders', session = sessionFor(merchantUser)) {
  const network = createFakeFetch();
  network.get('/api/orders', (request) =>
    query(request).get('cursor') === 'page-2'
      ? { body: { items: [second], nextCursor: null } }
      : { body: { items: [first], nextCursor: 'page-2' } },
  );
  network.get('/api/orders/count', (request) => ({
    body: query(request).get('search') ? { count: 10000, isCapped: true } : { count: 2, isCapped: false },
  }));
  network.get('/api/users', { body: [merchantUser] });
  const view = renderWithApp(<OrdersList />, { network, session, at, path: '/orders' });
  return { ...view, network, user: userEvent.setup() };
}

describe('OrdersList', () => {
  it('loads more over the API’s cursor', async () => {
    const { network, user } = setup();
    const table = await screen.findByRole('table', { name: 'Orders' });
    expect(within(table).getByRole('link', { name: 'OT-FIRST00001' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(table).findByRole('link', { name: 'OT-SECOND0002' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(network.sent('GET', '/api/orders').map((r) => query(r).get('cursor'))).toEqual([null, 'page-2']);
  });

  it('sends the status, search and date filters to the API and keeps them in the URL', async () => {
    const { network, router, user } = setup();
    await screen.findByRole('table', { name: 'Orders' });

    await user.click(screen.getByRole('checkbox', { name: 'Ready for the courier' }));
    await user.click(screen.getByRole('checkbox', { name: 'Out for delivery' }));
    await user.type(screen.getByLabelText('Search'), 'Lovelace');
    await user.type(screen.getByLabelText('Created from'), '2026-11-01');
    await user.type(screen.getByLabelText('Created to'), '2026-11-30');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    // The search may already have applied itself during the typing; the last request carries every filter.
    await waitFor(() => expect(query(network.sent('GET', '/api/orders').at(-1)!).getAll('status')).toHaveLength(2));
    const params = query(network.sent('GET', '/api/orders').at(-1)!);
    expect(params.getAll('status')).toEqual(['ReadyForPickup', 'InTransit']);
    expect(params.get('search')).toBe('Lovelace');
    expect(new Date(params.get('createdfrom')!).getTime()).toBe(new Date('2026-11-01T00:00:00').getTime());
    expect(new Date(params.get('createdto')!).getTime()).toBe(new Date('2026-11-30T23:59:59.999').getTime());
    expect(router.state.location.search).toBe('?status=ReadyForPickup&status=InTransit&search=Lovelace&from=2026-11-01&to=2026-11-30');
  });

  it('searches as the user types, once the typing pauses, keeps the focus in the box and shows the count', async () => {
    const { network, router, user } = setup();
    expect(await screen.findByText(/1 shown of 2 orders/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Search'), 'Leeds');

    await waitFor(() => expect(router.state.location.search).toBe('?search=Leeds'));
    expect(await screen.findByText(/of 10,000\+ orders/)).toBeInTheDocument();
    expect(network.sent('GET', '/api/orders').map((r) => query(r).get('search'))).toContain('Leeds');
    expect(network.sent('GET', '/api/orders/count').map((r) => query(r).get('search'))).toContain('Leeds');
    expect(screen.getByLabelText('Search')).toHaveFocus();
  });

  it('lets an admin ask for unassigned and overdue orders, sending them to the API and keeping them in the URL', async () => {
    const { network, router, user } = setup('/orders', sessionFor(adminUser));
    await screen.findByRole('table', { name: 'Orders' });
    expect(query(network.sent('GET', '/api/orders').at(-1)!).has('assignment')).toBe(false);

    await user.click(screen.getByRole('checkbox', { name: 'Unassigned' }));
    await user.click(screen.getByRole('checkbox', { name: 'Overdue' }));
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(router.state.location.search).toBe('?assignment=unassigned&overdue=true'));
    await waitFor(() => expect(query(network.sent('GET', '/api/orders').at(-1)!).get('overdue')).toBe('true'));
    const params = query(network.sent('GET', '/api/orders').at(-1)!);
    expect(params.get('assignment')).toBe('Unassigned');
    expect(query(network.sent('GET', '/api/orders/count').at(-1)!).get('assignment')).toBe('Unassigned');
    expect(screen.getByText('(2 active)')).toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Unassigned' }));
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(router.state.location.search).toBe('?overdue=true'));
    expect(query(network.sent('GET', '/api/orders').at(-1)!).has('assignment')).toBe(false);
  });

  it('reads the dispatch filters back from a shared link, ignoring values it does not know', async () => {
    const { network } = setup('/orders?assignment=unassigned&overdue=yes', sessionFor(adminUser));
    await screen.findByRole('table', { name: 'Orders' });

    expect(screen.getByRole('checkbox', { name: 'Unassigned' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Overdue' })).not.toBeChecked();
    const params = query(network.sent('GET', '/api/orders').at(-1)!);
    expect(params.get('assignment')).toBe('Unassigned');
    expect(params.has('overdue')).toBe(false);
  });

  it('offers the dispatch filters to merchants, who assign their own orders, and not to couriers', async () => {
    setup('/orders?overdue=true');
    await screen.findByRole('table', { name: 'Orders' });
    expect(screen.getByRole('checkbox', { name: 'Overdue' })).toBeChecked();
    cleanup();

    setup('/orders', sessionFor(courierUser));
    await screen.findByRole('table', { name: 'Orders' });
    expect(screen.queryByRole('checkbox', { name: 'Unassigned' })).not.toBeInTheDocument();
  });

  it('says when nothing matches the filters', async () => {
    const network = createFakeFetch();
    network.get('/api/orders', { body: { items: [], nextCursor: null } });
    renderWithApp(<OrdersList />, { network, session: sessionFor(merchantUser), at: '/orders?status=Returned', path: '/orders' });
    expect(await screen.findByText('No orders match these filters')).toBeInTheDocument();
  });
});
