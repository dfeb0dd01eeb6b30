import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { AssignOrderRequest } from '@/lib/api/generated';
import { fieldMessages, type ApiError } from '@/lib/errors';

export interface AssignOption {
  id: string;
  name: string;
}

export interface AssignOrderDialogProps {
  open: boolean;
  pending: boolean;
  error?: ApiError;
  /** Lists to pick from when the caller may read them (admins); otherwise the id is typed or pasted. */
  couriers?: AssignOption[];
  partners?: AssignOption[];
  onConfirm: (request: AssignOrderRequest) => void;
  onClose: () => void;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AssignOrderDialog({ open, pending, error, couriers, partners, onConfirm, onClose }: AssignOrderDialogProps) {
  const [kind, setKind] = useState<'courier' | 'partner'>('courier');
  const [id, setId] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const options = kind === 'courier' ? couriers : partners;
  const label = kind === 'courier' ? 'Courier' : 'Delivery partner';

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = id.trim();
    if (!uuid.test(value)) {
      setProblem(options ? `Choose a ${label.toLowerCase()}.` : `Enter the ${label.toLowerCase()}'s id (a UUID).`);
      return;
    }
    setProblem(undefined);
    onConfirm(kind === 'courier' ? { courierId: value } : { partnerId: value });
  }

  const apiErrors = fieldMessages(error?.fieldErrors, kind === 'courier' ? 'courierId' : 'partnerId');
  const errors = problem ? [problem] : apiErrors;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Assign delivery"
      description="A courier or a delivery partner picks the order up when it is ready."
    >
      <form className="stack" onSubmit={submit} noValidate>
        {error && !apiErrors && <Alert tone="danger">{error.userMessage}</Alert>}
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Deliver with</legend>
          <div className="checkbox-row">
            {(['courier', 'partner'] as const).map((value) => (
              <label key={value} className="chip">
                <input
                  type="radio"
                  name="assign-kind"
                  checked={kind === value}
                  onChange={() => {
                    setKind(value);
                    setId('');
                    setProblem(undefined);
                  }}
                />
                {value === 'courier' ? 'A courier' : 'A delivery partner'}
              </label>
            ))}
          </div>
        </fieldset>
        {options ? (
          <SelectField label={label} value={id} onChange={(e) => setId(e.target.value)} errors={errors}>
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField
            label={`${label} id`}
            hint={`Ask your administrator for the ${label.toLowerCase()}'s id.`}
            autoComplete="off"
            spellCheck={false}
            className="mono"
            value={id}
            onChange={(e) => setId(e.target.value)}
            errors={errors}
          />
        )}
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button type="submit" loading={pending}>
            Assign
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
