import { render, screen, within } from '@testing-library/react';
import type { OrderHistoryEntryDto } from '@/lib/api/generated';
import { OrderTimeline } from '../order-timeline';

const entry = (overrides: Partial<OrderHistoryEntryDto>): OrderHistoryEntryDto => ({
  kind: 'StatusChange',
  to: 'ReadyForPickup',
  at: '2026-11-30T10:00:00Z',
  actorType: 'Merchant',
  actorName: 'Corner Bakery',
  ...overrides,
});

describe('OrderTimeline', () => {
  it('shows claims and assignments as their own lines, not as a second status change', () => {
    render(
      <OrderTimeline
        entries={[
          entry({ from: 'Preparing', to: 'ReadyForPickup' }),
          entry({ kind: 'Assignment', from: 'ReadyForPickup', note: 'Assigned to courier Carl Courier' }),
          entry({
            kind: 'Claim',
            from: 'ReadyForPickup',
            actorType: 'Delivery',
            actorName: 'Cora Courier',
            note: 'Claimed by courier Cora Courier',
          }),
        ]}
      />,
    );

    const lines = within(screen.getByRole('list', { name: 'Order history' })).getAllByRole('listitem');
    expect(lines.map((line) => line.querySelector('strong')?.textContent)).toEqual([
      'Claimed by Cora Courier',
      'Assigned to courier Carl Courier',
      'Ready for the courier',
    ]);
    expect(lines[0]).not.toHaveTextContent('Note:');
    expect(lines[2]).toHaveTextContent('from Being prepared');
  });
});
