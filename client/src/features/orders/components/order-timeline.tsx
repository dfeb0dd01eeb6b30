import type { OrderHistoryEntryDto } from '@/lib/api/generated';
import { formatDateTime, formatTime, sentLater } from '@/lib/format';
import { failureReasonLabel, statusLabels } from '@/lib/order-status';
import timeline from '@/components/ui/timeline.module.css';

const actorLabels: Record<string, string> = { Admin: 'admin', Merchant: 'merchant', Delivery: 'courier', Partner: 'delivery partner' };

/** The headline of an entry: the status it moved to, or who took the order for a claim or an assignment. */
function headline(entry: OrderHistoryEntryDto): string {
  switch (entry.kind) {
    case 'Claim':
      return `Claimed by ${entry.actorName ?? 'a courier'}`;
    case 'Assignment':
      // The note names who was put in charge ("Assigned to courier Carl").
      return entry.note ?? 'Assigned';
    default:
      return entry.to ? statusLabels[entry.to] : 'Update';
  }
}

/**
 * The order's history, newest first: what changed, who did it and when, with the note and the reason. Claims and
 * assignments are their own lines ("Claimed by …", "Assigned to …"), not a repeat of the status.
 */
export function OrderTimeline({ entries }: { entries: OrderHistoryEntryDto[] }) {
  const newestFirst = [...entries].reverse();
  return (
    <ol className={timeline.timeline} aria-label="Order history">
      {newestFirst.map((entry, index) => {
        const reason = entry.to === 'DeliveryFailed' ? failureReasonLabel(entry.reason) : entry.reason;
        const statusChange = entry.kind !== 'Claim' && entry.kind !== 'Assignment';
        return (
          <li key={`${entry.at}-${index}`}>
            <strong>{headline(entry)}</strong>
            {statusChange && entry.from && entry.from !== entry.to && <span className="muted small"> from {statusLabels[entry.from]}</span>}
            <div className={timeline.meta}>
              <time dateTime={entry.occurredAt ?? entry.at}>{formatDateTime(entry.occurredAt ?? entry.at)}</time>
              {sentLater(entry.occurredAt, entry.at) && <>, sent {formatTime(entry.at)}</>}
              {entry.actorName && (
                <>
                  {' · '}by {entry.actorName}
                  {entry.actorType && ` (${actorLabels[entry.actorType] ?? entry.actorType})`}
                </>
              )}
            </div>
            {reason && <p>Reason: {reason}</p>}
            {statusChange && entry.note && <p>Note: {entry.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
