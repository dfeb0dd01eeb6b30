import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast/use-toast';
import type { UpdateUserRequest, UserDto, UserRole } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useUpdateUser } from '../api/use-users';
import { roleLabels, roles } from './role-label';
import dialogStyles from '@/components/ui/dialog.module.css';
import formStyles from '@/components/ui/form.module.css';

/** Rename, change the role, (de)activate, or set a new password. Only changed fields are sent. */
export function EditUserDialog({ user, isSelf, onClose }: { user: UserDto | null; isSelf: boolean; onClose: () => void }) {
  const updateUser = useUpdateUser();
  const toast = useToast();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<UserRole>(user?.role ?? 'Merchant');
  const [isActive, setIsActive] = useState(user?.isActive ?? true);
  const [password, setPassword] = useState('');
  const error = updateUser.error ? toApiError(updateUser.error) : undefined;
  const err = (path: string) => fieldMessages(error?.fieldErrors, path);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!user?.id) return;
    const request: UpdateUserRequest = {};
    if (displayName !== user.displayName) request.displayName = displayName;
    if (role !== user.role) request.role = role;
    if (isActive !== user.isActive) request.isActive = isActive;
    if (password) request.password = password;
    if (Object.keys(request).length === 0) {
      onClose();
      return;
    }
    updateUser.mutate(
      { id: user.id, ...request },
      {
        onSuccess: (updated) => {
          toast(request.password ? `Saved; ${updated.email} has a new password.` : `Saved changes to ${updated.email}.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog open={!!user} onClose={onClose} title={`Edit ${user?.email ?? 'user'}`}>
      <form className="stack" onSubmit={submit} noValidate>
        {error && (error.kind !== 'validation' || Object.keys(error.fieldErrors).length === 0) && (
          <Alert tone="danger">{error.userMessage}</Alert>
        )}
        <TextField
          label="Display name"
          autoFocus
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          errors={err('displayName')}
        />
        <SelectField
          label="Role"
          value={role}
          disabled={isSelf}
          hint={isSelf ? 'You cannot change your own role.' : undefined}
          onChange={(e) => setRole(e.target.value as UserRole)}
          errors={err('role')}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabels[r]}
            </option>
          ))}
        </SelectField>
        <label className={formStyles.chip} style={{ alignSelf: 'flex-start', borderRadius: 'var(--radius-sm)', minHeight: 'var(--touch)' }}>
          <input type="checkbox" checked={isActive} disabled={isSelf} onChange={(e) => setIsActive(e.target.checked)} />
          Active (can sign in)
        </label>
        <TextField
          label="New password (optional)"
          type="password"
          autoComplete="new-password"
          hint="Leave empty to keep the current password."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          errors={err('password')}
        />
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={updateUser.isPending}>
            Save
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
