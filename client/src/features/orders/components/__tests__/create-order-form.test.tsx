import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakeFetch } from '@/testing/fake-fetch';
import { anOrder, merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { CreateOrderForm } from '../create-order-form';

const validationProblem = {
  type: '/problems/validation',
  title: 'One or more fields are invalid.',
  status: 400,
  errors: {
    'customer.phone': [
      'Enter a phone number of 6 to 15 digits, such as +44 20 7946 0000.',
      'Shorten the customer’s phone number to 30 characters or fewer.',
    ],
    'deliveryAddress.city': ['Enter the town or city.'],
    'items[1].quantity': ['Enter a quantity from 1 to 10 000.'],
    'items[0].unitPrice': ['Enter the unit price (0 for a free item).'],
  },
};

const profileRoute = `/api/merchants/${merchantUser.id}/profile`;

function setup() {
  const network = createFakeFetch();
  network.get(profileRoute, { status: 404, body: { title: 'Not found', status: 404 } });
  const onCreated = vi.fn();
  const view = renderWithApp(<CreateOrderForm onCreated={onCreated} />, { network, session: sessionFor(merchantUser) });
  return { ...view, network, onCreated, user: userEvent.setup() };
}

/** An order the form lets through, so that what comes back is the API's answer (the country may come prefilled). */
async function fillValidOrder(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Name'), 'Ada Lovelace');
  await user.type(screen.getByLabelText('Phone'), '+44 20 7946 0000');
  await user.type(screen.getByLabelText('Address line 1'), '12 Analytical Way');
  await user.type(screen.getByLabelText('City'), 'London');
  await user.type(screen.getByLabelText('Postal code'), 'N1 9GU');
  await user.type(screen.getByLabelText('Item name'), 'Sourdough loaf');
  await user.type(screen.getByLabelText('Unit price'), '4.5');
}

// Typing a whole order is over 4 s of user events when the machine is busy: more than the 5 s default allows.
describe('CreateOrderForm', { timeout: 15_000 }, () => {
  it('shows each field error of the API’s ValidationProblemDetails next to its field and in a summary', async () => {
    const { network, user } = setup();
    network.post('/api/orders', { status: 400, body: validationProblem });

    // The form lets the order through; the API still refuses it, as it may for what only it can check.
    await fillValidOrder(user);
    await user.type(screen.getByLabelText('Country'), 'United Kingdom');
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    const [firstQuantity, secondQuantity] = screen.getAllByLabelText('Quantity');
    await user.type(screen.getAllByLabelText('Item name')[1]!, 'Croissant');
    await user.type(screen.getAllByLabelText('Unit price')[1]!, '1.75');
    await user.click(screen.getByRole('button', { name: 'Create order' }));

    const summary = await screen.findByRole('alert');
    // Five messages, five lines: the phone has two.
    expect(summary).toHaveTextContent('Please fix 5 problems');
    expect(within(summary).getAllByRole('listitem')).toHaveLength(5);
    expect(within(summary).getByText('Item 2 quantity:')).toBeInTheDocument();
    expect(within(summary).getAllByText('Customer phone:')).toHaveLength(2);

    const phone = screen.getByLabelText('Phone');
    expect(phone).toHaveAttribute('aria-invalid', 'true');
    expect(phone).toHaveAccessibleDescription(
      'Enter a phone number of 6 to 15 digits, such as +44 20 7946 0000. Shorten the customer’s phone number to 30 characters or fewer.',
    );
    expect(screen.getByLabelText('City')).toHaveAccessibleDescription('Enter the town or city.');
    expect(secondQuantity).toHaveAccessibleDescription('Enter a quantity from 1 to 10 000.');
    expect(firstQuantity).not.toHaveAttribute('aria-invalid');
    expect(screen.getAllByLabelText('Unit price')[0]).toHaveAccessibleDescription('Enter the unit price (0 for a free item).');
    // Fields the API did not complain about stay unmarked.
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
  });

  it('checks the API’s rules before sending: each message next to its field and in the summary, focus on the first', async () => {
    const { network, user } = setup();
    await user.type(screen.getByLabelText('Phone'), 'not a phone');
    await user.type(screen.getByLabelText('Latitude (optional)'), '51.5033');
    await user.click(screen.getByRole('button', { name: 'Create order' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Please fix 9 problems');
    expect(within(summary).getAllByRole('listitem')).toHaveLength(9);
    expect(within(summary).getByText('Item 1 unit price:')).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription("Enter the customer's name.");
    expect(screen.getByLabelText('Phone')).toHaveAccessibleDescription('Enter a phone number of 6 to 15 digits, such as +44 20 7946 0000.');
    expect(screen.getByLabelText('Longitude (optional)')).toHaveAccessibleDescription(
      'For example -0.1195. Give both the latitude and the longitude of the address, or neither.',
    );
    expect(screen.getByLabelText('Quantity')).not.toHaveAttribute('aria-invalid');
    expect(network.sent('POST', '/api/orders')).toHaveLength(0);

    // A fixed field loses its message at once.
    await user.type(screen.getByLabelText('City'), 'London');
    expect(screen.getByLabelText('City')).not.toHaveAttribute('aria-invalid');
    expect(summary).toHaveTextContent('Please fix 8 problems');
  });

  it('sends the same order again under the same idempotency key, and a changed one under a new key', async () => {
    const { network, user } = setup();
    network.post('/api/orders', { status: 400, body: validationProblem });
    await fillValidOrder(user);
    await user.type(screen.getByLabelText('Country'), 'United Kingdom');
    const send = async (count: number) => {
      await user.click(screen.getByRole('button', { name: 'Create order' }));
      await waitFor(() => expect(network.sent('POST', '/api/orders')).toHaveLength(count));
      return network.sent('POST', '/api/orders')[count - 1]!.headers.get('Idempotency-Key');
    };

    const first = await send(1);
    expect(await send(2)).toBe(first);
    await user.type(screen.getByLabelText('Notes for the courier (optional)'), 'Ring twice.');
    expect(await send(3)).not.toBe(first);
  });

  it('keeps a live total of the item rows', async () => {
    const { user } = setup();
    await user.type(screen.getByLabelText('Unit price'), '4.50');
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '3');
    expect(screen.getByRole('status', { name: 'Order total' })).toHaveTextContent('£13.50');

    await user.click(screen.getByRole('button', { name: 'Add item' }));
    await user.type(screen.getAllByLabelText('Unit price')[1]!, '1.25');
    expect(screen.getByRole('status', { name: 'Order total' })).toHaveTextContent('£14.75');

    await user.click(screen.getByRole('button', { name: 'Remove item 1' }));
    expect(screen.getByRole('status', { name: 'Order total' })).toHaveTextContent('£1.25');
  });

  it('sends the order through the generated client and reports the created order', async () => {
    const { network, onCreated, user } = setup();
    const created = anOrder();
    network.post('/api/orders', { status: 201, body: created });

    await user.type(screen.getByLabelText('Name'), 'Ada Lovelace');
    await user.type(screen.getByLabelText('Phone'), '+44 20 7946 0000');
    await user.type(screen.getByLabelText('Address line 1'), '12 Analytical Way');
    await user.type(screen.getByLabelText('City'), 'London');
    await user.type(screen.getByLabelText('Postal code'), 'N1 9GU');
    await user.type(screen.getByLabelText('Country'), 'United Kingdom');
    await user.type(screen.getByLabelText('Item name'), 'Sourdough loaf');
    await user.clear(screen.getByLabelText('Quantity'));
    await user.type(screen.getByLabelText('Quantity'), '2');
    await user.type(screen.getByLabelText('Unit price'), '4.5');
    await user.click(screen.getByRole('button', { name: 'Create order' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(created));
    const [request] = network.sent('POST', '/api/orders');
    expect(request!.headers.get('Authorization')).toBe('Bearer access-Merchant');
    expect(request!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(request!.body).toMatchObject({
      customer: { name: 'Ada Lovelace', phone: '+44 20 7946 0000' },
      deliveryAddress: { line1: '12 Analytical Way', city: 'London', postalCode: 'N1 9GU', country: 'United Kingdom' },
      items: [{ name: 'Sourdough loaf', quantity: 2, unitPrice: 4.5 }],
      currency: 'GBP',
    });
  });

  it('collects from the default pickup location unless the merchant picks another, and sends the choice', async () => {
    const { network, user } = setup();
    const location = (id: string, label: string, line1: string, isDefault: boolean) => ({
      id,
      label,
      address: { line1, city: 'London', postalCode: 'NW1 6XE', country: 'United Kingdom' },
      isDefault,
      mapUrl: 'https://www.openstreetmap.org/search?query=x',
    });
    network.get(profileRoute, {
      status: 200,
      body: {
        merchantId: merchantUser.id,
        businessName: 'Corner Bakery Ltd',
        contactPhone: '+44 20 7946 0001',
        pickupLocations: [
          location('loc-bakehouse', 'Bakehouse', '5 Mill Lane', false),
          location('loc-shop', 'Shop', '12 Baker Street', true),
        ],
      },
    });
    network.post('/api/orders', { status: 400, body: validationProblem });

    const picker = await screen.findByLabelText('Collect from');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Shop: 12 Baker Street, London (default)', 'Bakehouse: 5 Mill Lane, London']);
    await fillValidOrder(user);
    await user.click(screen.getByRole('button', { name: 'Create order' }));
    await screen.findByRole('alert');
    expect(network.sent('POST', '/api/orders')[0]!.body).not.toHaveProperty('pickupLocationId');

    await user.selectOptions(picker, 'Bakehouse: 5 Mill Lane, London');
    await user.click(screen.getByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(network.sent('POST', '/api/orders')).toHaveLength(2));
    expect(network.sent('POST', '/api/orders')[1]!.body).toMatchObject({ pickupLocationId: 'loc-bakehouse' });
  });
});
