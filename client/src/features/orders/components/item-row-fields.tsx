import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import styles from './item-row-fields.module.css';
import { fieldMessages, type FieldErrors } from '@/lib/errors';

export interface ItemDraft {
  key: number;
  name: string;
  quantity: string;
  unitPrice: string;
}

export interface ItemRowFieldsProps {
  item: ItemDraft;
  index: number;
  errors: FieldErrors | undefined;
  canRemove: boolean;
  onChange: (item: ItemDraft) => void;
  onRemove: () => void;
}

/** One item row; its errors come from the API under `items[index].name|quantity|unitPrice`. */
export function ItemRowFields({ item, index, errors, canRemove, onChange, onRemove }: ItemRowFieldsProps) {
  const path = `items[${index}]`;
  return (
    <div className={styles.row} role="group" aria-label={`Item ${index + 1}`}>
      <TextField
        label="Item name"
        value={item.name}
        onChange={(e) => onChange({ ...item, name: e.target.value })}
        errors={fieldMessages(errors, `${path}.name`)}
      />
      <TextField
        label="Quantity"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        value={item.quantity}
        onChange={(e) => onChange({ ...item, quantity: e.target.value })}
        errors={fieldMessages(errors, `${path}.quantity`)}
      />
      <TextField
        label="Unit price"
        type="number"
        inputMode="decimal"
        min={0}
        step="0.01"
        value={item.unitPrice}
        onChange={(e) => onChange({ ...item, unitPrice: e.target.value })}
        errors={fieldMessages(errors, `${path}.unitPrice`)}
      />
      <Button variant="ghost" className={styles.remove} onClick={onRemove} disabled={!canRemove} aria-label={`Remove item ${index + 1}`}>
        Remove
      </Button>
    </div>
  );
}
