import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { Dialog } from '@/components/ui/dialog';
import { TextField } from '@/components/ui/text-field';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useIssueApiKey } from '../api/use-partners';
import dialogStyles from '@/components/ui/dialog.module.css';

/** Names a new key, then shows the full key once, with a copy button and a warning: the API keeps only a hash. */
export function IssueApiKeyDialog({ partnerId, partnerName, onClose }: { partnerId: string; partnerName: string; onClose: () => void }) {
  const issue = useIssueApiKey(partnerId);
  const [name, setName] = useState('');
  const error = issue.error ? toApiError(issue.error) : undefined;
  const nameErrors = fieldMessages(error?.fieldErrors, 'name');
  const issued = issue.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    issue.mutate({ name: name.trim() });
  }

  if (issued?.key) {
    return (
      <Dialog
        open
        onClose={onClose}
        title="Copy the new API key now"
        confirmDismiss="You will not see this key again. Close without storing it?"
      >
        <div className="stack">
          <Alert tone="warning" title="This is the only time the key is shown.">
            Store it in {partnerName}’s system now. Only a hash is kept; if the key is lost, issue a new one and revoke this one.
          </Alert>
          <div className="stack-sm">
            <span className="small muted">
              Key “{issued.name}” (starts with <code>{issued.prefix}</code>)
            </span>
            <code className="secret">{issued.key}</code>
            <div className="row">
              <CopyButton text={issued.key} label="Copy key" />
            </div>
          </div>
          <div className={dialogStyles.actions}>
            <Button onClick={onClose}>I have stored the key</Button>
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={onClose} title="Issue an API key" description={`${partnerName}’s system sends it in the X-Api-Key header.`}>
      <form className="stack" onSubmit={submit} noValidate>
        {error && !nameErrors && <Alert tone="danger">{error.userMessage}</Alert>}
        <TextField
          label="Key name"
          hint="Where the key is used, for example “production dispatcher”."
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={nameErrors}
        />
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={issue.isPending}>
            Issue key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
