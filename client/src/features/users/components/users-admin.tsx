import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { UserDto, UserRole } from '@/lib/api/generated';
import { formatDate } from '@/lib/format';
import { useCurrentUser } from '@/lib/use-session';
import { useUsers } from '../api/use-users';
import { CreateUserDialog } from './create-user-dialog';
import { EditUserDialog } from './edit-user-dialog';
import { roleLabels, roles } from './role-label';
import styles from './users-admin.module.css';
import tableStyles from '@/components/ui/table.module.css';

const searchDelayMs = 250;

export function UsersAdmin() {
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<UserRole | ''>('');
  const [sentSearch, setSentSearch] = useState('');
  // Ask the API once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setSentSearch(search.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [search]);
  const users = useUsers({ role: role || undefined, search: sentSearch });
  const filtered = role !== '' || sentSearch !== '';
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserDto | null>(null);

  return (
    <div className="stack">
      <PageHeader
        title="Users"
        description="Accounts for merchants, couriers and admins."
        actions={<Button onClick={() => setCreating(true)}>New user</Button>}
      />
      <form className={styles.filters} role="search" aria-label="Find users" onSubmit={(event) => event.preventDefault()}>
        <TextField
          className={styles.filter}
          label="Name or email"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <SelectField className={styles.filter} label="Role" value={role} onChange={(event) => setRole(event.target.value as UserRole | '')}>
          <option value="">All roles</option>
          {roles.map((value) => (
            <option key={value} value={value}>
              {roleLabels[value]}
            </option>
          ))}
        </SelectField>
      </form>
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} title="Could not load the users" onRetry={() => users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState
          title={filtered ? 'No users match' : 'No users'}
          description={filtered ? 'Try another name, email or role.' : undefined}
        />
      ) : (
        <div className={`${tableStyles.wrap} card`} style={{ padding: 0 }} role="region" aria-label="Users" tabIndex={0}>
          <table className={`${tableStyles.table} ${tableStyles.stack}`}>
            <caption className="visually-hidden">Users</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <td>
                    <strong>{user.displayName}</strong>
                  </td>
                  <td data-label="Email">{user.email}</td>
                  <td data-label="Role">{user.role && roleLabels[user.role]}</td>
                  <td>{user.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}</td>
                  <td data-label="Since">{formatDate(user.createdAt)}</td>
                  <td>
                    <Button variant="ghost" onClick={() => setEditing(user)} aria-label={`Edit ${user.email}`}>
                      Edit
                    </Button>
                    {user.role === 'Merchant' && (
                      <Link to={`/admin/merchants/${user.id}`} aria-label={`Business profile of ${user.displayName}`}>
                        Profile
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      {editing && <EditUserDialog key={editing.id} user={editing} isSelf={editing.id === me.id} onClose={() => setEditing(null)} />}
    </div>
  );
}
