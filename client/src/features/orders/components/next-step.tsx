import { Button } from '@/components/ui/button';
import styles from './next-step.module.css';

/**
 * What the order waits for, and the button that moves it on, above everything else on the order: an order nobody
 * delivers yet waits for a courier, and its merchant or an admin assigns one.
 */
export function NextStep({ waitingForCourier, onAssign }: { waitingForCourier: boolean; onAssign: () => void }) {
  if (!waitingForCourier) return null;
  return (
    <div className={styles.nextStep} role="group" aria-label="Next step">
      <p className={styles.what}>Waiting for a courier</p>
      <Button onClick={onAssign}>Assign</Button>
    </div>
  );
}
