import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { ProgressSteps } from '@/components/progress-steps';
import { StatusBadge } from '@/components/status-badge';
import { toApiError } from '@/lib/errors';
import { formatDate, formatDateTime } from '@/lib/format';
import { statusLabels } from '@/lib/order-status';
import { useTracking } from '../api/use-tracking';
import { TrackingTimeline } from './tracking-timeline';

const offPathMessages: Partial<Record<string, string>> = {
  DeliveryFailed: 'The courier could not deliver this parcel. Another attempt will follow, or it will be returned to the sender.',
  Returned: 'This parcel was returned to the sender.',
  Cancelled: 'This order was cancelled by the sender.',
};

export function TrackingView({ trackingCode }: { trackingCode: string }) {
  const tracking = useTracking(trackingCode);

  if (tracking.isPending) return <LoadingState label="Looking up your parcel…" />;
  if (tracking.isError) {
    const error = toApiError(tracking.error);
    if (error.kind === 'not-found') {
      return (
        <EmptyState
          title="No parcel with this code"
          description={`We could not find ${trackingCode}. Check the code in your confirmation message and try again.`}
        />
      );
    }
    return <ErrorState error={error} title="Could not look up this parcel" onRetry={() => tracking.refetch()} />;
  }

  const data = tracking.data;
  const status = data.status ?? 'Pending';
  const timeline = data.timeline ?? [];
  const deliveredAt = status === 'Delivered' ? timeline.findLast((e) => e.status === 'Delivered')?.at : undefined;

  return (
    <div className="stack">
      <Card>
        <div className="stack">
          <div className="row-between">
            <div>
              <p className="muted small">Tracking code</p>
              <p className="mono" style={{ fontSize: '1.1rem', fontWeight: 700 }}>
                {data.trackingCode}
              </p>
            </div>
            <StatusBadge status={status} />
          </div>
          <h2 aria-live="polite">{statusLabels[status]}</h2>
          {offPathMessages[status] && <p>{offPathMessages[status]}</p>}
          <ProgressSteps status={status} reached={timeline.map((e) => e.status!).filter(Boolean)} />
          <dl className="facts">
            <dt>From</dt>
            <dd>{data.merchantName ?? '—'}</dd>
            <dt>Ordered</dt>
            <dd>{formatDateTime(data.createdAt)}</dd>
            {deliveredAt && (
              <>
                <dt>Delivered</dt>
                <dd>{formatDateTime(deliveredAt)}</dd>
              </>
            )}
            <dt>Estimated delivery</dt>
            <dd>{data.estimatedDeliveryAt ? formatDate(data.estimatedDeliveryAt) : 'Not yet known'}</dd>
          </dl>
        </div>
      </Card>
      <Card title="Timeline">
        {timeline.length > 0 ? <TrackingTimeline events={timeline} /> : <p className="muted">No updates yet.</p>}
      </Card>
    </div>
  );
}
