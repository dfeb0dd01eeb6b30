import type { OrderStatus } from '@/lib/api/generated';
import { progressSteps, statusLabels } from '@/lib/order-status';

/**
 * The happy path as steps, with the current one marked. Off-path statuses (failed, returned, cancelled) show the
 * steps reached so far; the caller shows the status itself next to it.
 */
export function ProgressSteps({ status, reached }: { status: OrderStatus; reached: OrderStatus[] }) {
  const reachedSet = new Set<OrderStatus>([...reached, status]);
  const currentIndex = progressSteps.indexOf(status);
  const lastReached = currentIndex >= 0 ? currentIndex : Math.max(...progressSteps.map((s, i) => (reachedSet.has(s) ? i : -1)));

  return (
    <ol className="steps" aria-label="Delivery progress" style={{ ['--step-count' as string]: progressSteps.length }}>
      {progressSteps.map((step, index) => {
        const state = index === currentIndex ? 'current' : index <= lastReached ? 'done' : 'todo';
        return (
          <li key={step} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span>
              {statusLabels[step]}
              {state === 'done' && <span className="visually-hidden"> (done)</span>}
              {state === 'todo' && <span className="visually-hidden"> (not yet)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
