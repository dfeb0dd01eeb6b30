import type { UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { OrderFormValues } from '../utils/order-form';
import styles from './item-row-fields.module.css';

export interface ItemRowFieldsProps {
  index: number;
  register: UseFormRegister<OrderFormValues>;
  /** The messages for one field of this row, by the API's path (`items[0].name`). */
  errorsOf: (path: string) => string[] | undefined;
  canRemove: boolean;
  onRemove: () => void;
}

/** One item row; its errors are the form's or the API's under `items[index].name|quantity|unitPrice`. */
export function ItemRowFields({ index, register, errorsOf, canRemove, onRemove }: ItemRowFieldsProps) {
  const path = `items[${index}]`;
  return (
    <div className={styles.row} role="group" aria-label={`Item ${index + 1}`}>
      <TextField label="Item name" errors={errorsOf(`${path}.name`)} {...register(`items.${index}.name`)} />
      <TextField
        label="Quantity"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        errors={errorsOf(`${path}.quantity`)}
        {...register(`items.${index}.quantity`)}
      />
      <TextField
        label="Unit price"
        type="number"
        inputMode="decimal"
        min={0}
        step="0.01"
        errors={errorsOf(`${path}.unitPrice`)}
        {...register(`items.${index}.unitPrice`)}
      />
      <Button variant="ghost" className={styles.remove} onClick={onRemove} disabled={!canRemove} aria-label={`Remove item ${index + 1}`}>
        Remove
      </Button>
    </div>
  );
}
