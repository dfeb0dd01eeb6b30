import type { TrackingEventDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import { statusLabels } from '@/lib/order-status';

/** The public timeline, newest first: what happened and when, nothing about who. */
export function TrackingTimeline({ events }: { events: TrackingEventDto[] }) {
  const newestFirst = [...events].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return (
    <ol className="timeline" aria-label="Timeline">
      {newestFirst.map((event, index) => (
        <li key={`${event.status}-${event.at}-${index}`}>
          <strong>{event.status ? statusLabels[event.status] : 'Update'}</strong>
          <div className="timeline__meta">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
          </div>
        </li>
      ))}
    </ol>
  );
}
