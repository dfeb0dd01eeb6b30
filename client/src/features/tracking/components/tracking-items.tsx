import { Card } from '@/components/ui/card';
import type { TrackingItemDto } from '@/lib/api/generated';
import { formatMoney } from '@/lib/format';

/** What is in the parcel: names and quantities, with prices only where the merchant shows them. */
export function TrackingItems({ items, total, currency }: { items: TrackingItemDto[]; total?: number; currency?: string }) {
  if (items.length === 0) return null;
  return (
    <Card title="In your parcel">
      <ul className="stack-sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {items.map((item, index) => (
          <li key={`${item.name}-${index}`} className="row-between">
            <span>
              {item.quantity} × {item.name}
            </span>
            {item.unitPrice != null && currency && <span className="muted">{formatMoney(item.unitPrice * (item.quantity ?? 1), currency)}</span>}
          </li>
        ))}
      </ul>
      {total != null && currency && (
        <p className="row-between" style={{ marginTop: 'var(--space-3)' }}>
          <strong>Total</strong>
          <strong>{formatMoney(total, currency)}</strong>
        </p>
      )}
    </Card>
  );
}
