import type { OrderHistoryEntryDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import { failureReasonLabel, statusLabels } from '@/lib/order-status';

const actorLabels: Record<string, string> = { Admin: 'admin', Merchant: 'merchant', Delivery: 'courier', Partner: 'delivery partner' };

/** The order's history, newest first: what changed, who did it and when, with the note and the reason. */
export function OrderTimeline({ entries }: { entries: OrderHistoryEntryDto[] }) {
  const newestFirst = [...entries].reverse();
  return (
    <ol className="timeline" aria-label="Order history">
      {newestFirst.map((entry, index) => {
        const reason = entry.to === 'DeliveryFailed' ? failureReasonLabel(entry.reason) : entry.reason;
        return (
          <li key={`${entry.at}-${index}`}>
            <strong>{entry.to ? statusLabels[entry.to] : 'Update'}</strong>
            {entry.from && entry.from !== entry.to && <span className="muted small"> from {statusLabels[entry.from]}</span>}
            <div className="timeline__meta">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {entry.actorName && (
                <>
                  {' · '}by {entry.actorName}
                  {entry.actorType && ` (${actorLabels[entry.actorType] ?? entry.actorType})`}
                </>
              )}
            </div>
            {reason && <p>Reason: {reason}</p>}
            {entry.note && <p>Note: {entry.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
