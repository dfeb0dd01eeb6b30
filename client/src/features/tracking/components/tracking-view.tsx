import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { LiveIndicator } from '@/components/live-indicator';
import { ProgressSteps } from '@/components/progress-steps';
import { toApiError } from '@/lib/errors';
import { statusTones } from '@/lib/order-status';
import { useTracking } from '../api/use-tracking';
import { customerDateTime, customerStatusLabels, trackingHeadline, type PublicTracking } from '../utils/customer-wording';
import { DeliveryConfirmation } from './delivery-confirmation';
import { SenderContact } from './sender-contact';
import { TrackingTimeline } from './tracking-timeline';

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

  const data: PublicTracking = tracking.data;
  const status = data.status ?? 'Pending';
  const timeline = data.timeline ?? [];
  const headline = trackingHeadline(data);

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
            <div className="row">
              {/* Only a parcel on screen is followed live: a lookup that found nothing has nothing to update. */}
              <LiveIndicator />
              <Badge tone={statusTones[status]}>{customerStatusLabels[status]}</Badge>
            </div>
          </div>
          <div aria-live="polite" className="stack-sm">
            <h2>{headline.title}</h2>
            {headline.details.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {status === 'Delivered' && data.trackingCode && (
            <DeliveryConfirmation trackingCode={data.trackingCode} delivery={data.delivery} />
          )}
          <ProgressSteps status={status} reached={timeline.map((e) => e.status!).filter(Boolean)} labels={customerStatusLabels} />
          <dl className="facts">
            <dt>Ordered</dt>
            <dd>{data.createdAt ? customerDateTime(data.createdAt) : '—'}</dd>
          </dl>
        </div>
      </Card>
      <SenderContact merchantName={data.merchantName} sender={data.sender} />
      <Card title="Timeline">
        {timeline.length > 0 ? <TrackingTimeline events={timeline} /> : <p className="muted">No updates yet.</p>}
      </Card>
    </div>
  );
}
