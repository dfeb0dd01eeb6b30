import type { OrderStatus } from '@/lib/api/generated';
import { journeySteps, statusLabels } from '@/lib/order-status';
import styles from './progress-steps.module.css';

const hiddenState = { done: ' (done)', todo: ' (not yet)', current: '', stopped: '' } as const;

/**
 * The order's journey as steps, with the current one marked. An order off the happy path (failed, returned,
 * cancelled) shows that state as its current step instead of a row of steps it will never reach.
 * `labels` lets the public page use the customer's words.
 */
export function ProgressSteps({
  status,
  reached,
  labels = statusLabels,
}: {
  status: OrderStatus;
  reached: OrderStatus[];
  labels?: Record<OrderStatus, string>;
}) {
  const steps = journeySteps(status, reached);
  return (
    <ol className={styles.steps} aria-label="Delivery progress" style={{ ['--step-count' as string]: steps.length }}>
      {steps.map((step) => (
        <li
          key={step.status}
          data-state={step.state}
          aria-current={step.state === 'current' || step.state === 'stopped' ? 'step' : undefined}
        >
          <span>
            {labels[step.status]}
            {hiddenState[step.state] && <span className="visually-hidden">{hiddenState[step.state]}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
