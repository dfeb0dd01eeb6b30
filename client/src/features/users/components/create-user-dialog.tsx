import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast/use-toast';
import type { UserRole } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useCreateUser } from '../api/use-users';
import { roleLabels, roles } from './role-label';
import dialogStyles from '@/components/ui/dialog.module.css';

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const createUser = useCreateUser();
  const toast = useToast();
  const [form, setForm] = useState({ email: '', displayName: '', password: '', role: 'Merchant' as UserRole });
  const error = createUser.error ? toApiError(createUser.error) : undefined;
  const err = (path: string) => fieldMessages(error?.fieldErrors, path);

  function close() {
    createUser.reset();
    setForm({ email: '', displayName: '', password: '', role: 'Merchant' });
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    createUser.mutate(form, {
      onSuccess: (user) => {
        toast(`Account for ${user.email} created.`);
        close();
      },
    });
  }

  return (
    <Dialog open={open} onClose={close} title="New user">
      <form className="stack" onSubmit={submit} noValidate>
        {error && (error.kind !== 'validation' || Object.keys(error.fieldErrors).length === 0) && (
          <Alert tone="danger">{error.kind === 'conflict' ? 'An account with this email already exists.' : error.userMessage}</Alert>
        )}
        <TextField
          label="Email"
          type="email"
          autoFocus
          autoComplete="off"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.target.value })}
          errors={err('email')}
        />
        <TextField
          label="Display name"
          value={form.displayName}
          onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          errors={err('displayName')}
        />
        <TextField
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint="Share it with the person safely; they can sign in with it at once."
          value={form.password}
          onChange={(e) => setForm({ ...form, password: e.target.value })}
          errors={err('password')}
        />
        <SelectField
          label="Role"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.target.value as UserRole })}
          errors={err('role')}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </SelectField>
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={createUser.isPending}>
            Create user
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
