import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { LoadingState } from '@/components/ui/loading-state';
import { SelectField } from '@/components/ui/select-field';
import type { AssigneeDto, AssignOrderRequest } from '@/lib/api/generated';
import { fieldMessages, toApiError, type ApiError } from '@/lib/errors';
import dialogStyles from '@/components/ui/dialog.module.css';
import formStyles from '@/components/ui/form.module.css';

export interface AssignOrderDialogProps {
  open: boolean;
  pending: boolean;
  error?: ApiError;
  couriers?: AssigneeDto[];
  partners?: AssigneeDto[];
  loading: boolean;
  loadError?: unknown;
  onConfirm: (request: AssignOrderRequest) => void;
  onClose: () => void;
}

export function AssignOrderDialog({
  open,
  pending,
  error,
  couriers,
  partners,
  loading,
  loadError,
  onConfirm,
  onClose,
}: AssignOrderDialogProps) {
  const [kind, setKind] = useState<'courier' | 'partner'>('courier');
  const [id, setId] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const options = (kind === 'courier' ? couriers : partners) ?? [];
  const label = kind === 'courier' ? 'Courier' : 'Delivery partner';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!id) {
      setProblem(`Choose a ${label.toLowerCase()}.`);
      return;
    }
    setProblem(undefined);
    onConfirm(kind === 'courier' ? { courierId: id } : { partnerId: id });
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
        {loadError ? <Alert tone="danger">{toApiError(loadError).userMessage}</Alert> : null}
        <fieldset className={formStyles.field} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>Deliver with</legend>
          <div className={formStyles.checkboxRow}>
            {(['courier', 'partner'] as const).map((value) => (
              <label key={value} className={formStyles.chip}>
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
        {loading ? (
          <LoadingState label="Loading couriers and partners…" />
        ) : (
          <SelectField
            label={label}
            value={id}
            onChange={(e) => setId(e.target.value)}
            errors={errors}
            hint={options.length === 0 ? `No active ${kind === 'courier' ? 'couriers' : 'delivery partners'}.` : undefined}
          >
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        )}
        <div className={dialogStyles.actions}>
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
