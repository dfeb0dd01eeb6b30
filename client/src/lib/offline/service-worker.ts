/**
 * Registers the service worker that vite-plugin-pwa generates (Workbox precaching the app shell), loading
 * workbox-window only here, so no first page pays for it. A new version waits until the person chooses to update:
 * `onUpdateReady` gets the function that switches to it and reloads, so the app is never silently stale and never
 * reloads under someone's thumb. Checks for a new version every hour as well as on each start.
 */
export async function registerServiceWorker(onUpdateReady: (update: () => void) => void): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const { Workbox } = await import('workbox-window');
  const workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () =>
    onUpdateReady(() => {
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    }),
  );
  await workbox.register();
  setInterval(() => void workbox.update(), 60 * 60 * 1000);
}
