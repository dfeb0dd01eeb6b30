import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { UserDto, WebhookDeliveryDetailDto, WebhookDeliveryDto, WebhookEndpointDto } from '@/lib/api/generated';
import { createFakeFetch } from '@/testing/fake-fetch';
import { merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import type { WebhookOwner } from '../../api/use-webhooks';
import { WebhookEndpoints } from '../webhook-endpoints';

const adminUser: UserDto = { ...merchantUser, id: '0190a000-0000-7000-8000-0000000000ad', email: 'admin@example.com', role: 'Admin' };
const endpoint: WebhookEndpointDto = {
  id: '0190d000-0000-7000-8000-000000000001',
  ownerType: 'Merchant',
  ownerId: merchantUser.id,
  url: 'https://shop.example.com/hooks',
  events: ['order.created', 'order.status_changed'],
  isEnabled: true,
  createdAt: '2026-12-01T09:00:00Z',
  updatedAt: '2026-12-01T09:00:00Z',
};
const delivery: WebhookDeliveryDto = {
  id: '0190e000-0000-7000-8000-000000000001',
  eventId: '0190f000-0000-7000-8000-000000000001',
  eventType: 'endpoint.test',
  status: 'Delivered',
  attemptCount: 1,
  createdAt: '2026-12-06T14:00:00Z',
  lastAttemptAt: '2026-12-06T14:00:01Z',
  lastStatusCode: 200,
  lastDurationMs: 45,
  retryUntil: '2026-12-09T14:00:00Z',
};

function setup(owner: WebhookOwner, user: UserDto, endpoints: WebhookEndpointDto[] = [endpoint]) {
  const network = createFakeFetch();
  network.get('/api/webhook-endpoints', { body: endpoints });
  network.get(`/api/users/${merchantUser.id}/webhook-endpoints`, { body: endpoints });
  const view = renderWithApp(<WebhookEndpoints owner={owner} description="Endpoints" />, { network, session: sessionFor(user) });
  return { ...view, network, user: userEvent.setup() };
}

async function theEndpoint() {
  return within(await screen.findByRole('listitem'));
}

describe('WebhookEndpoints, managed by the merchant', () => {
  it('edits the URL and events, sending only what changed, and shows the API’s refusal under the field', async () => {
    const { network, user } = setup({}, merchantUser);
    let attempt = 0;
    network.patch(`/api/webhook-endpoints/${endpoint.id}`, () =>
      ++attempt === 1
        ? { status: 400, body: { title: 'Invalid', status: 400, errors: { Url: ['Webhooks cannot be sent to this address.'] } } }
        : { body: { ...endpoint, url: 'https://orders.example.com/in' } },
    );

    await user.click((await theEndpoint()).getByRole('button', { name: 'Edit' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Edit webhook endpoint' }));
    const url = dialog.getByLabelText('Endpoint URL');
    expect(url).toHaveValue(endpoint.url);
    await user.clear(url);
    await user.type(url, 'https://10.0.0.1/in');
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));

    expect(await dialog.findByText('Webhooks cannot be sent to this address.')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(network.sent('PATCH', `/api/webhook-endpoints/${endpoint.id}`)[0].body).toEqual({ url: 'https://10.0.0.1/in' });

    await user.clear(url);
    await user.type(url, 'https://orders.example.com/in');
    await user.click(dialog.getByRole('checkbox', { name: 'Assigned' }));
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(network.sent('PATCH', `/api/webhook-endpoints/${endpoint.id}`)[1].body).toEqual({
      url: 'https://orders.example.com/in',
      events: ['order.created', 'order.status_changed', 'order.assigned'],
    });
  });

  it('checks the form before asking the API', async () => {
    const { network, user } = setup({}, merchantUser);
    await user.click((await theEndpoint()).getByRole('button', { name: 'Edit' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Edit webhook endpoint' }));
    await user.clear(dialog.getByLabelText('Endpoint URL'));
    await user.click(dialog.getByRole('checkbox', { name: 'Order created' }));
    await user.click(dialog.getByRole('checkbox', { name: 'Status changed' }));
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));

    expect(await dialog.findByText('Enter the URL to send events to.')).toBeInTheDocument();
    expect(dialog.getByText('Choose at least one event.')).toBeInTheDocument();
    expect(network.sent('PATCH', /webhook-endpoints/)).toHaveLength(0);
  });

  it('sends a test event, opens the log, and shows each attempt’s request and answer', async () => {
    const { network, user } = setup({}, merchantUser);
    network.post(`/api/webhook-endpoints/${endpoint.id}/test`, { status: 202, body: { ...delivery, status: 'Pending', attemptCount: 0 } });
    network.get(`/api/webhook-endpoints/${endpoint.id}/deliveries`, { body: [delivery] });
    const detail: WebhookDeliveryDetailDto = {
      delivery,
      requestBody: '{"type":"endpoint.test","data":{"endpointId":"e1"}}',
      attempts: [
        {
          id: 'a1',
          attemptedAt: '2026-12-06T14:00:01Z',
          durationMs: 45,
          statusCode: 200,
          requestHeaders: 'Webhook-Id: 0190f000\nX-OrderTracking-Signature: t=1,v1=abc',
          responseHeaders: 'Content-Type: text/plain',
          responseBody: 'x'.repeat(2048),
          responseBodyTruncated: true,
        },
      ],
    };
    network.get(`/api/webhook-endpoints/${endpoint.id}/deliveries/${delivery.id}`, { body: detail });

    await user.click((await theEndpoint()).getByRole('button', { name: 'Send test event' }));

    const log = await screen.findByRole('table', { name: `Delivery log of ${endpoint.url}` });
    expect(network.sent('POST', `/api/webhook-endpoints/${endpoint.id}/test`)).toHaveLength(1);
    await user.click(within(log).getByRole('button', { name: `Details of endpoint.test ${delivery.eventId}` }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Delivery of endpoint.test' }));
    expect(await dialog.findByText('Answered 200 in 45 ms')).toBeInTheDocument();
    expect(dialog.getByText(/X-OrderTracking-Signature: t=1,v1=abc/)).toBeInTheDocument();
    expect(dialog.getByText('Content-Type: text/plain')).toBeInTheDocument();
    expect(dialog.getByText('Showing the first 2 048 characters.')).toBeInTheDocument();
    expect(dialog.getByText(/"type": "endpoint.test"/)).toBeInTheDocument();
  });

  it('shows why an endpoint was disabled, and when', async () => {
    setup({}, merchantUser, [
      {
        ...endpoint,
        isEnabled: false,
        disabledReason: 'KeptFailing',
        disabledAt: '2026-12-06T14:05:00Z',
        failingSince: '2026-12-03T14:04:00Z',
      },
    ]);
    const item = await theEndpoint();
    expect(item.getByText('Disabled')).toBeInTheDocument();
    expect(item.getByText(/^Disabled automatically on .+: every attempt had failed since/)).toBeInTheDocument();
    expect(item.getByRole('button', { name: 'Enable' })).toBeInTheDocument();
  });
});

describe('WebhookEndpoints, overseen by an admin on a merchant’s page', () => {
  it('offers enable/disable, delete and the log, but nothing that changes where the data goes', async () => {
    setup({ merchantId: merchantUser.id }, adminUser);
    const item = await theEndpoint();
    expect(item.getAllByRole('button').map((b) => b.textContent)).toEqual(['Delivery log', 'Disable', 'Delete']);
    expect(screen.queryByRole('button', { name: 'Add endpoint' })).not.toBeInTheDocument();
  });

  it('deletes an endpoint only once asked and confirmed', async () => {
    const { network, user } = setup({ merchantId: merchantUser.id }, adminUser);
    network.delete(`/api/webhook-endpoints/${endpoint.id}`, { status: 204 });

    await user.click((await theEndpoint()).getByRole('button', { name: 'Delete' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Delete this webhook endpoint?' }));
    await user.click(dialog.getByRole('button', { name: 'Keep it' }));
    expect(network.sent('DELETE', /webhook-endpoints/)).toHaveLength(0);

    await user.click((await theEndpoint()).getByRole('button', { name: 'Delete' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete endpoint' }));

    await waitFor(() => expect(network.sent('DELETE', `/api/webhook-endpoints/${endpoint.id}`)).toHaveLength(1));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
