import type { Query, QueryClient } from '@tanstack/react-query';
import { persistQueryClient, type PersistedClient, type Persister } from '@tanstack/react-query-persist-client';
import { deleteKey, deviceStores, readKey, writeKey } from './device-store';

const cacheKey = 'query-cache';

/** The persister TanStack Query's docs build for IndexedDB, on idb-keyval (structured clone: no JSON round trip). */
export function createDevicePersister(): Persister {
  return {
    persistClient: (client: PersistedClient) => writeKey(cacheKey, client, deviceStores().cache),
    restoreClient: () => readKey<PersistedClient>(cacheKey, deviceStores().cache),
    removeClient: () => deleteKey(cacheKey, deviceStores().cache),
  };
}

/** Orders only (deliveries, details, proof requirements), and only answers: no error or pending state is kept. */
function keepsOnDevice(query: Query): boolean {
  return query.queryKey[0] === 'orders' && query.state.status === 'success';
}

/**
 * Restores the courier's cached orders into `queryClient` and keeps writing them to the device while it runs. A week
 * at most: an older cache is dropped rather than shown as current. `userId` busts a cache another user left.
 */
export function persistCourierQueries(queryClient: QueryClient, userId: string): { restored: Promise<void>; stop: () => void } {
  const [stop, restored] = persistQueryClient({
    queryClient,
    persister: createDevicePersister(),
    maxAge: 7 * 24 * 60 * 60 * 1000,
    buster: userId,
    dehydrateOptions: { shouldDehydrateQuery: keepsOnDevice },
  });
  return { restored, stop };
}
