import { useState } from 'react';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import type { PartnerDto } from '@/lib/api/generated';
import { formatDate } from '@/lib/format';
import { usePartners } from '../api/use-partners';
import { PartnerFormDialog } from './partner-form-dialog';
import tableStyles from '@/components/ui/table.module.css';

export function PartnersAdmin() {
  const partners = usePartners();
  const [editing, setEditing] = useState<PartnerDto | 'new' | null>(null);

  return (
    <div className="stack">
      <PageHeader
        title="Delivery partners"
        description="Companies whose systems deliver orders through the API with their own keys."
        actions={<Button onClick={() => setEditing('new')}>New partner</Button>}
      />
      {partners.isPending ? (
        <LoadingState label="Loading partners…" />
      ) : partners.isError ? (
        <ErrorState error={partners.error} title="Could not load the partners" onRetry={() => partners.refetch()} />
      ) : partners.data.length === 0 ? (
        <EmptyState title="No delivery partners yet" description="Add one to hand orders to its couriers." />
      ) : (
        <div className={`${tableStyles.wrap} card`} style={{ padding: 0 }} role="region" aria-label="Delivery partners" tabIndex={0}>
          <table className={`${tableStyles.table} ${tableStyles.stack}`}>
            <caption className="visually-hidden">Delivery partners</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Since</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {partners.data.map((partner) => (
                <tr key={partner.id}>
                  <td>
                    <Link to={`/admin/partners/${partner.id}`}>
                      <strong>{partner.name}</strong>
                    </Link>
                  </td>
                  <td>{partner.isActive ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Inactive</Badge>}</td>
                  <td data-label="Since">{formatDate(partner.createdAt)}</td>
                  <td>
                    <div className="row">
                      <Link to={`/admin/partners/${partner.id}`} className="btn btn--ghost" aria-label={`API keys of ${partner.name}`}>
                        API keys
                      </Link>
                      <Button variant="ghost" onClick={() => setEditing(partner)} aria-label={`Edit ${partner.name}`}>
                        Edit
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && <PartnerFormDialog key={editing === 'new' ? 'new' : editing.id} partner={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
