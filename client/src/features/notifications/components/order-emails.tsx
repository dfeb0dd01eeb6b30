import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import type { EmailNotificationStatus, OrderEmailDto } from '@/lib/api/generated';
import { formatDateTime } from '@/lib/format';
import type { StatusTone } from '@/lib/order-status';
import { useOrderEmails } from '../api/use-order-emails';
import styles from './notifications.module.css';

const outcome: Record<EmailNotificationStatus, { tone: StatusTone; word: string }> = {
  Pending: { tone: 'info', word: 'waiting to be sent' },
  Sent: { tone: 'success', word: 'sent' },
  Failed: { tone: 'danger', word: 'failed' },
  Superseded: { tone: 'neutral', word: 'replaced by a later e-mail' },
  Withheld: { tone: 'warning', word: 'not sent' },
};

function describe(email: OrderEmailDto): string {
  const { word } = outcome[email.status ?? 'Pending'];
  const when = email.sentAt ?? email.lastAttemptAt ?? email.createdAt;
  return `${email.eventLabel}: ${word}${when ? ` ${formatDateTime(when)}` : ''} to ${email.recipient}`;
}

/** The customer's e-mails about this order: "Out for delivery: sent 14:03 to a•••@example.org", and why one failed or was not sent. */
export function OrderEmails({ orderId }: { orderId: string }) {
  const emails = useOrderEmails(orderId);
  if (emails.isPending) return null;
  if (emails.isError)
    return <ErrorState error={emails.error} title="Could not load the customer’s e-mails" onRetry={() => emails.refetch()} />;
  return (
    <Card title="Customer e-mails">
      {emails.data.length === 0 ? (
        <p className="muted">No e-mail about this order yet.</p>
      ) : (
        <ul className={styles.lines} aria-label="Customer e-mails">
          {emails.data.map((email) => (
            <li key={email.id} className={styles.line}>
              <Badge tone={outcome[email.status ?? 'Pending'].tone}>{email.status}</Badge>
              <span>{describe(email)}</span>
              {email.problem && <span className={styles.problem}>{email.problem}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
