import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { PageHeader } from '@/components/ui/page-header';
import type { ApiKeyDto } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { useApiKeys, usePartners } from '../api/use-partners';
import { IssueApiKeyDialog } from './issue-api-key-dialog';
import { RevokeApiKeyDialog } from './revoke-api-key-dialog';
import tableStyles from '@/components/ui/table.module.css';

export function PartnerApiKeys({ partnerId }: { partnerId: string }) {
  const partners = usePartners();
  const keys = useApiKeys(partnerId);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyDto | null>(null);
  const partner = partners.data?.find((p) => p.id === partnerId);
  const partnerName = partner?.name ?? 'Partner';

  if (keys.isError && toApiError(keys.error).kind === 'not-found') {
    return <EmptyState titleAs="h1" title="Partner not found" description="It may have been removed, or the address is wrong." />;
  }

  return (
    <div className="stack">
      <PageHeader
        title={`${partnerName}: API keys`}
        description={
          partner && !partner.isActive ? 'This partner is inactive: its keys are refused.' : 'Keys its system uses to call the partner API.'
        }
        actions={<Button onClick={() => setIssuing(true)}>Issue key</Button>}
      />
      <Card>
        {keys.isPending ? (
          <LoadingState label="Loading keys…" />
        ) : keys.isError ? (
          <ErrorState error={keys.error} title="Could not load the keys" onRetry={() => keys.refetch()} />
        ) : keys.data.length === 0 ? (
          <EmptyState title="No API keys yet" description="Issue one and hand it to the partner’s developers." />
        ) : (
          <div className={tableStyles.wrap} role="region" aria-label="API keys" tabIndex={0}>
            <table className={`${tableStyles.table} ${tableStyles.stack}`}>
              <caption className="visually-hidden">API keys</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((key) => (
                  <tr key={key.id}>
                    <td>
                      <strong>{key.name}</strong>
                    </td>
                    <td data-label="Starts with">
                      <code>{key.prefix}</code>
                    </td>
                    <td data-label="Created">{formatDateTime(key.createdAt)}</td>
                    <td data-label="Last used">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
                    <td>
                      {key.revokedAt ? (
                        <Badge tone="danger">Revoked {formatDateTime(key.revokedAt)}</Badge>
                      ) : (
                        <Badge tone="success">Active</Badge>
                      )}
                    </td>
                    <td>
                      {!key.revokedAt && (
                        <Button variant="ghost" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {issuing && <IssueApiKeyDialog partnerId={partnerId} partnerName={partnerName} onClose={() => setIssuing(false)} />}
      {revoking && <RevokeApiKeyDialog partnerId={partnerId} apiKey={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}
