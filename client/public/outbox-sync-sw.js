// Imported by the generated service worker (vite.config.ts, workbox.importScripts). Background Sync: when the
// browser sees the network again it fires 'courier-outbox', and this hands the sending to an open page of the app,
// which holds the session (the access token lives in the page's memory only). With no page open the sync fails and
// the browser tries it again later; the app also sends its outbox itself whenever it starts or comes back online.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'courier-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((pages) => {
      if (pages.length === 0) throw new Error('No page of the app is open to send the outbox.');
      return Promise.all(
        pages.map(
          (page) =>
            new Promise((resolve) => {
              const channel = new MessageChannel();
              channel.port1.onmessage = resolve;
              page.postMessage({ type: 'courier-outbox-sync' }, [channel.port2]);
              setTimeout(resolve, 30000);
            }),
        ),
      );
    }),
  );
});
