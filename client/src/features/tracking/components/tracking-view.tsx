import { LazyCourierMap } from '@/components/courier-map/lazy-courier-map';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { LiveIndicator } from '@/components/live-indicator';
import { ProgressSteps } from '@/components/progress-steps';
import { toApiError } from '@/lib/errors';
import { closedStatuses, statusTones } from '@/lib/order-status';
import { useTracking } from '../api/use-tracking';
import { customerDateTime, customerStatusLabels, customerTime, trackingHeadline, type PublicTracking } from '../utils/customer-wording';
import { DeliveryConfirmation } from './delivery-confirmation';
import { DeliveryRequestForm } from './delivery-request-form';
import { MerchantLogo } from './merchant-logo';
import { SenderContact } from './sender-contact';
import { TrackingItems } from './tracking-items';
import { TrackingTimeline } from './tracking-timeline';
import styles from './tracking-view.module.css';
import facts from '@/components/ui/facts.module.css';

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

  const sender = data.sender?.businessName || data.merchantName || 'the sender';
  const late = headline.title === 'Running late';
  const outForDelivery = status === 'InTransit';

  return (
    <div className="stack">
      <Card>
        <div className="stack">
          {/* The merchant leads: the customer knows the shop, not the tracking service. */}
          <div className={styles.lead}>
            <MerchantLogo src={data.sender?.logoUrl} name={sender} />
            <p className={styles.eyebrow}>Your order from</p>
            <h1 className={styles.merchant}>{sender}</h1>
          </div>
          <div className="row-between">
            <div>
              <p className="muted small">Tracking code</p>
              <p className={styles.code}>{data.trackingCode}</p>
            </div>
            <div className="row">
              {/* Live only while the parcel can still change: a closed one has nothing more to say. */}
              {!closedStatuses.has(status) && <LiveIndicator />}
              <Badge tone={statusTones[status]}>{customerStatusLabels[status]}</Badge>
            </div>
          </div>
          <div aria-live="polite" className={styles.headline}>
            <h2 className={late ? styles.late : undefined}>{headline.title}</h2>
            {headline.details.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {status === 'Delivered' && data.trackingCode && (
            <DeliveryConfirmation trackingCode={data.trackingCode} delivery={data.delivery} />
          )}
          <ProgressSteps status={status} reached={timeline.map((e) => e.status!).filter(Boolean)} labels={customerStatusLabels} />
          <dl className={facts.facts}>
            <dt>Ordered</dt>
            <dd>{data.createdAt ? customerDateTime(data.createdAt) : '—'}</dd>
          </dl>
        </div>
      </Card>
      {outForDelivery && (data.courierPosition || data.destination) && (
        <Card title="On its way">
          <LazyCourierMap
            label="Map of the courier on the way to you"
            courier={
              data.courierPosition
                ? {
                    latitude: data.courierPosition.latitude!,
                    longitude: data.courierPosition.longitude!,
                    accuracy: data.courierPosition.accuracy ?? 0,
                  }
                : undefined
            }
            destination={data.destination ? { latitude: data.destination.latitude!, longitude: data.destination.longitude! } : undefined}
            destinationLabel="Your area"
          />
          {data.courierPosition?.recordedAt && (
            <p className="muted small" style={{ marginTop: 'var(--space-2)' }}>
              Courier seen at {customerTime(data.courierPosition.recordedAt)}
            </p>
          )}
        </Card>
      )}
      {status === 'DeliveryFailed' && data.redelivery && (
        <DeliveryRequestForm trackingCode={data.trackingCode!} options={data.redelivery} sent={data.deliveryRequest} sender={sender} />
      )}
      <TrackingItems items={data.items ?? []} total={data.total} currency={data.currency} />
      <SenderContact merchantName={data.merchantName} sender={data.sender} />
      <Card title="Timeline">
        {timeline.length > 0 ? <TrackingTimeline events={timeline} /> : <p className="muted">No updates yet.</p>}
      </Card>
    </div>
  );
}
