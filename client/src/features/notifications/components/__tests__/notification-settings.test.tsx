import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NotificationSettingsDto, OrderEmailDto } from '@/lib/api/generated';
import { createFakeFetch } from '@/testing/fake-fetch';
import { merchantUser, sessionFor } from '@/testing/data';
import { renderWithApp } from '@/testing/render';
import { NotificationSettings } from '../notification-settings';
import { OrderEmails } from '../order-emails';

const merchantId = merchantUser.id!;
const route = `/api/merchants/${merchantId}/notification-settings`;

const settings: NotificationSettingsDto = {
  merchantId,
  enabled: false,
  events: ['Confirmed', 'InTransit'],
  availableEvents: [
    { status: 'Confirmed', label: 'Order confirmed' },
    { status: 'InTransit', label: 'Out for delivery' },
    { status: 'Delivered', label: 'Delivered' },
  ],
  defaultSenderName: 'Corner Bakery Ltd',
  defaultReplyTo: 'hello@bakery.test',
  language: 'en-GB',
  timeZone: 'Europe/London',
  paused: false,
  sendingConfigured: true,
};

function setup() {
  const network = createFakeFetch();
  network.get(route, { body: settings });
  network.post(`${route}/preview`, {
    body: {
      subject: '[Test] Order confirmed: your order from Corner Bakery Ltd',
      text: 'Order confirmed',
      html: '<p>Order confirmed</p>',
      senderName: 'Corner Bakery Ltd',
    },
  });
  network.put(route, (request) => ({ body: { ...settings, ...(request.body as object) } }));
  renderWithApp(<NotificationSettings merchantId={merchantId} />, {
    network,
    session: sessionFor(merchantUser),
    at: '/settings/notifications',
    path: '/settings/notifications',
  });
  return { network, user: userEvent.setup() };
}

describe('NotificationSettings', () => {
  it('refuses a malformed accent colour beside its field and sends nothing', async () => {
    const { network, user } = setup();
    await user.type(await screen.findByLabelText('Accent colour (optional)'), 'red');
    await user.click(screen.getByRole('button', { name: 'Save e-mail settings' }));
    expect(await screen.findByText('Give the accent colour as #rrggbb, such as #0a7d5a.')).toBeInTheDocument();
    expect(network.sent('PUT', route)).toHaveLength(0);
  });

  it('saves the switch, the chosen events and the look, blanks left out', async () => {
    const { network, user } = setup();
    await user.click(await screen.findByLabelText('E-mail my customers when their order changes'));
    await user.click(screen.getByRole('checkbox', { name: 'Delivered' }));
    await user.type(screen.getByLabelText('Accent colour (optional)'), '#0a7d5a');
    await user.click(screen.getByRole('button', { name: 'Save e-mail settings' }));
    await waitFor(() => expect(network.sent('PUT', route)).toHaveLength(1));
    expect(network.sent('PUT', route)[0].body).toEqual({
      enabled: true,
      events: ['Confirmed', 'InTransit', 'Delivered'],
      accentColour: '#0a7d5a',
      language: 'en-GB',
      timeZone: 'Europe/London',
    });
  });

  it('shows the preview of the chosen e-mail in a frame that runs no script', async () => {
    setup();
    const frame = await screen.findByTitle('Preview of the “Order confirmed” e-mail');
    expect(frame).toHaveAttribute('sandbox', 'allow-same-origin');
    expect(frame.getAttribute('sandbox')).not.toContain('allow-scripts');
    expect(screen.getByText('[Test] Order confirmed: your order from Corner Bakery Ltd')).toBeInTheDocument();
  });
});

describe('OrderEmails', () => {
  it('says for each e-mail what it announced, what became of it and to whom, masked', async () => {
    const network = createFakeFetch();
    const emails: OrderEmailDto[] = [
      {
        id: 'e1',
        event: 'InTransit',
        eventLabel: 'Out for delivery',
        status: 'Sent',
        recipient: 'a•••@example.org',
        subject: 's',
        attemptCount: 1,
        createdAt: '2026-12-06T14:02:00Z',
        sentAt: '2026-12-06T14:03:00Z',
      },
      {
        id: 'e2',
        event: 'Delivered',
        eventLabel: 'Delivered',
        status: 'Failed',
        recipient: 'a•••@example.org',
        subject: 's',
        attemptCount: 1,
        createdAt: '2026-12-06T15:00:00Z',
        lastAttemptAt: '2026-12-06T15:00:01Z',
        problem: 'The mail server answered 550: no such mailbox',
      },
    ];
    network.get('/api/orders/o1/emails', { body: emails });
    renderWithApp(<OrderEmails orderId="o1" />, { network, session: sessionFor(merchantUser), at: '/orders/o1', path: '/orders/:orderId' });
    const lines = within(await screen.findByRole('list', { name: 'Customer e-mails' })).getAllByRole('listitem');
    expect(lines[0]).toHaveTextContent(/Out for delivery: sent .+ to a•••@example\.org/);
    expect(lines[1]).toHaveTextContent(/Delivered: failed .+ to a•••@example\.org/);
    expect(lines[1]).toHaveTextContent('The mail server answered 550: no such mailbox');
  });
});
