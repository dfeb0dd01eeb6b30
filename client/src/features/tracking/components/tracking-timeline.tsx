import timeline from '@/components/ui/timeline.module.css';
import type { TrackingEventDto } from '@/lib/api/generated';
import { customerDateTime, customerFailureReasons, customerStatusLabels } from '../utils/customer-wording';

/** The public timeline, newest first: what happened and when (in the viewer's time zone), nothing about who. */
export function TrackingTimeline({ events }: { events: TrackingEventDto[] }) {
  const newestFirst = [...events].sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return (
    <ol className={timeline.timeline} aria-label="Timeline">
      {newestFirst.map((event, index) => (
        <li key={`${event.status}-${event.at}-${index}`}>
          <strong>{event.status ? customerStatusLabels[event.status] : 'Update'}</strong>
          {event.failureReason && <div>{customerFailureReasons[event.failureReason]}</div>}
          <div className={timeline.meta}>{event.at && <time dateTime={event.at}>{customerDateTime(event.at)}</time>}</div>
        </li>
      ))}
    </ol>
  );
}
