import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

/** "Where is my parcel?": a tracking code box that opens the public tracking page. */
export function TrackingLookup({ onLookup, initialCode = '' }: { onLookup: (trackingCode: string) => void; initialCode?: string }) {
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.trim().toUpperCase();
    if (!trimmed) {
      setError('Enter the tracking code from your confirmation, for example OT-7F3K9Q2M4X.');
      return;
    }
    setError(undefined);
    onLookup(trimmed);
  }

  return (
    <form className="stack-sm" onSubmit={submit} noValidate role="search" aria-label="Track a parcel">
      <TextField
        label="Tracking code"
        placeholder="OT-7F3K9Q2M4X"
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        errors={error ? [error] : undefined}
      />
      <Button type="submit" variant="secondary" block>
        Track parcel
      </Button>
    </form>
  );
}
