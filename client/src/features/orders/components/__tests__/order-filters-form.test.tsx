import { act, fireEvent, render, screen } from '@testing-library/react';
import { emptyFilters, OrderFiltersForm, searchDelayMs } from '../order-filters-form';

/**
 * The router applies new filters in a transition, so the form's `filters` prop can lag behind what the form just
 * sent. These tests hold the prop still (as a slow transition does) while the typed search's pause ends. They
 * drive the form with synchronous events on a fake clock, so the pause ends exactly where each test says.
 */
describe('OrderFiltersForm', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(filters = emptyFilters) {
    const onChange = vi.fn();
    render(<OrderFiltersForm filters={filters} onChange={onChange} />);
    return onChange;
  }

  const typeSearch = (text: string) => fireEvent.change(screen.getByLabelText('Search'), { target: { value: text } });
  const pause = (ms: number) => act(() => vi.advanceTimersByTime(ms));

  it('applies the typed search by itself once the typing pauses', () => {
    const onChange = setup();

    typeSearch('Lovelace');
    expect(onChange).not.toHaveBeenCalled();
    pause(searchDelayMs);

    expect(onChange).toHaveBeenCalledExactlyOnceWith({ ...emptyFilters, search: 'Lovelace' });
  });

  it('waits for the third character before it searches, and says so', () => {
    const onChange = setup();
    expect(screen.getByLabelText('Search')).toHaveAccessibleDescription('Type at least 3 characters (4 after OT- for a tracking code).');

    typeSearch('Lo');
    pause(searchDelayMs * 2);
    expect(onChange).not.toHaveBeenCalled();

    typeSearch('Lon');
    pause(searchDelayMs);
    expect(onChange).toHaveBeenCalledExactlyOnceWith({ ...emptyFilters, search: 'Lon' });
  });

  it('refuses to apply a one- or two-character search and names the rule on the field', () => {
    const onChange = setup();

    typeSearch(' L ');
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    pause(searchDelayMs * 2);

    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Search')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Type at least 3 characters, or clear the search.')).toBeVisible();
  });

  it('does not send the older filters over "Apply filters" when the pause ends before the change is applied', () => {
    const onChange = setup();

    typeSearch('Lovelace');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ready for the courier' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    pause(searchDelayMs * 2);

    expect(onChange).toHaveBeenCalledExactlyOnceWith({ ...emptyFilters, status: ['ReadyForPickup'], search: 'Lovelace' });
  });

  it('does not bring the older filters back over "Clear" when the pause ends before the change is applied', () => {
    const onChange = setup({ ...emptyFilters, status: ['InTransit'], search: 'Lovelace' });

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    pause(searchDelayMs * 2);

    expect(onChange).toHaveBeenCalledExactlyOnceWith(emptyFilters);
  });
});
