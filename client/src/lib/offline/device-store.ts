import { clear, createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { UserDto } from '../api/generated';

/**
 * What the courier's app keeps on the device, in one IndexedDB database of its own: the query cache (deliveries and
 * order details), the outbox of changes waiting to send, and who was signed in (so the app opens offline). Only a
 * courier's session writes here, and {@link wipeDevice} empties all of it when the session ends.
 */
const databaseName = 'order-tracking-courier';

let stores: { cache: UseStore; outbox: UseStore } | null = null;

/** Opened on first use: idb-keyval's createStore opens the database lazily, but only once per store. */
export function deviceStores() {
  stores ??= {
    cache: createStore(`${databaseName}-cache`, 'keyval'),
    outbox: createStore(`${databaseName}-outbox`, 'changes'),
  };
  return stores;
}

const userKey = 'signed-in-user';

export const savedUser = {
  get: () => get<UserDto>(userKey, deviceStores().cache),
  set: (user: UserDto) => set(userKey, user, deviceStores().cache),
};

/** How many changes wait on the device: signing out deletes them, so the courier is asked first. */
export async function unsentChanges(): Promise<number> {
  return (await keys(deviceStores().outbox)).length;
}

/** Forgets everything the courier's app kept: on sign-out, and when the server says the session has ended. */
export async function wipeDevice(): Promise<void> {
  const { cache, outbox } = deviceStores();
  await Promise.all([clear(cache), clear(outbox)]);
}

export { del as deleteKey, get as readKey, set as writeKey };
