import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createFakeFetch } from '@/testing/fake-fetch';
import { renderWithApp } from '@/testing/render';
import { LazyCourierMap } from '../lazy-courier-map';

// The map's chunk, as the network delivers it: while `unreachable` is set, fetching it fails as it does offline.
const chunk = vi.hoisted(() => ({ unreachable: true, requests: 0 }));
vi.mock('../courier-map', () => {
  chunk.requests += 1;
  if (chunk.unreachable) throw new TypeError('Failed to fetch dynamically imported module');
  return { default: ({ label }: { label: string }) => <div role="img" aria-label={label} /> };
});

async function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  await act(async () => void window.dispatchEvent(new Event(online ? 'online' : 'offline')));
}

afterEach(() => setOnline(true));

describe('LazyCourierMap', () => {
  it('keeps the page when the map’s code cannot be fetched, tries again once back online, and when asked', async () => {
    await setOnline(false);
    const network = createFakeFetch();
    network.get('/api/map-settings', { body: { tileUrl: 'https://tiles.example/{z}/{x}/{y}.png', attribution: '© Tiles', maxZoom: 19 } });
    renderWithApp(
      <section>
        <h2>Out for delivery</h2>
        <LazyCourierMap label="Where the courier is" courier={{ latitude: 52.52, longitude: 13.4, accuracy: 20 }} />
      </section>,
      { network },
    );

    expect(await screen.findByText('The map could not load. It will try again when you are back online.')).toBeInTheDocument();
    // Only the map's box says so: the rest of the page is still there, and the legend still explains the marker.
    expect(screen.getByRole('heading', { name: 'Out for delivery' })).toBeInTheDocument();
    expect(screen.getByText('Courier')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Where the courier is' })).not.toBeInTheDocument();

    // Back online it asks for the chunk again by itself (here it still fails).
    const before = chunk.requests;
    await setOnline(true);
    await waitFor(() => expect(chunk.requests).toBe(before + 1));
    expect(await screen.findByText('The map could not load.')).toBeInTheDocument();

    // The reader asks again, and this time the chunk arrives.
    chunk.unreachable = false;
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Try again' })));
    expect(await screen.findByRole('img', { name: 'Where the courier is' })).toBeInTheDocument();
    expect(screen.queryByText(/could not load/)).not.toBeInTheDocument();
  });
});
