import { Card } from '@/components/ui/card';
import type { TrackingSender } from '../utils/customer-wording';
import facts from '@/components/ui/facts.module.css';

/** Who sent the parcel and how to reach them: only the contact the business chose to make public. */
export function SenderContact({ merchantName, sender }: { merchantName?: string; sender?: TrackingSender }) {
  const name = sender?.businessName || merchantName;
  if (!name) return null;
  return (
    <Card title="From">
      <dl className={facts.facts}>
        <dt>Sender</dt>
        <dd>{name}</dd>
        {sender?.phone && (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${sender.phone.replace(/[^+\d]/g, '')}`}>{sender.phone}</a>
            </dd>
          </>
        )}
        {sender?.email && (
          <>
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${sender.email}`}>{sender.email}</a>
            </dd>
          </>
        )}
      </dl>
    </Card>
  );
}
