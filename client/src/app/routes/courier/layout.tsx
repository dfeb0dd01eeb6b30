import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { LoadingState } from '@/components/ui/loading-state';
import { CourierStatusBar } from '@/features/deliveries/components/courier-status-bar';
import { OutboxProvider } from '@/features/deliveries/outbox/outbox-provider';
import { persistCourierQueries } from '@/lib/offline/query-persister';
import { registerServiceWorker } from '@/lib/offline/service-worker';
import { useCurrentUser } from '@/lib/use-session';

/**
 * The courier's app around its screens: the service worker that lets it open offline (registered for couriers
 * only), the deliveries kept on the device, the outbox, and the line that says offline / waiting to send / update.
 */
export default function CourierLayout() {
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [restored, setRestored] = useState(false);
  const [update, setUpdate] = useState<(() => void) | undefined>();

  useEffect(() => {
    const { restored: done, stop } = persistCourierQueries(queryClient, user.id);
    void done.finally(() => setRestored(true));
    return stop;
  }, [queryClient, user.id]);

  useEffect(() => {
    void registerServiceWorker((apply) => setUpdate(() => apply)).catch(() => undefined);
  }, []);

  if (!restored) return <LoadingState label="Opening your deliveries…" />;
  return (
    <OutboxProvider userId={user.id}>
      <div className="app-main--narrow" style={{ margin: '0 auto' }}>
        <CourierStatusBar onUpdate={update} />
        <Outlet />
      </div>
    </OutboxProvider>
  );
}
