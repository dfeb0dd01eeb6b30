import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast/use-toast';
import type { PartnerDto } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useCreatePartner, useUpdatePartner } from '../api/use-partners';
import dialogStyles from '@/components/ui/dialog.module.css';
import formStyles from '@/components/ui/form.module.css';

/** Creates a partner, or renames and (de)activates one. Mount it with a key so it starts from the partner given. */
export function PartnerFormDialog({ partner, onClose }: { partner: PartnerDto | 'new'; onClose: () => void }) {
  const isNew = partner === 'new';
  const createPartner = useCreatePartner();
  const updatePartner = useUpdatePartner();
  const toast = useToast();
  const [name, setName] = useState(isNew ? '' : (partner.name ?? ''));
  const [isActive, setIsActive] = useState(isNew ? true : (partner.isActive ?? true));
  const mutation = isNew ? createPartner : updatePartner;
  const error = mutation.error ? toApiError(mutation.error) : undefined;
  const nameErrors = fieldMessages(error?.fieldErrors, 'name');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isNew) {
      createPartner.mutate(
        { name: name.trim() },
        {
          onSuccess: (created) => {
            toast(`Partner ${created.name} added.`);
            onClose();
          },
        },
      );
    } else {
      updatePartner.mutate(
        {
          id: partner.id!,
          name: name.trim() !== partner.name ? name.trim() : undefined,
          isActive: isActive !== partner.isActive ? isActive : undefined,
        },
        {
          onSuccess: (updated) => {
            toast(`Saved ${updated.name}.`);
            onClose();
          },
        },
      );
    }
  }

  return (
    <Dialog open onClose={onClose} title={isNew ? 'New delivery partner' : `Edit ${partner.name}`}>
      <form className="stack" onSubmit={submit} noValidate>
        {error && !nameErrors && (
          <Alert tone="danger">{error.kind === 'conflict' ? 'A partner with this name already exists.' : error.userMessage}</Alert>
        )}
        <TextField label="Company name" autoFocus value={name} onChange={(e) => setName(e.target.value)} errors={nameErrors} />
        {!isNew && (
          <label
            className={formStyles.chip}
            style={{ alignSelf: 'flex-start', borderRadius: 'var(--radius-sm)', minHeight: 'var(--touch)' }}
          >
            <input type="checkbox" checked={isActive} onChange={(e) => setIsActive(e.target.checked)} />
            Active (can be assigned orders and use its keys)
          </label>
        )}
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {isNew ? 'Add partner' : 'Save'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
