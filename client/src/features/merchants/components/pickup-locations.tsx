import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PostalAddress } from '@/components/postal-address';
import { useToast } from '@/components/ui/toast/use-toast';
import type { MerchantProfileDto } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { useRemovePickupLocation } from '../api/use-merchant-profile';
import { PickupLocationForm } from './pickup-location-form';

type Editing = { kind: 'new' } | { kind: 'edit'; id: string } | null;

/** The places couriers collect from, with the default marked; add, change or remove one. */
export function PickupLocations({ profile }: { profile: MerchantProfileDto }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useRemovePickupLocation(profile.merchantId);
  const toast = useToast();
  const removeError = remove.error ? toApiError(remove.error) : undefined;
  const locations = profile.pickupLocations;

  return (
    <div className="stack">
      {locations.length === 0 && <p className="muted">No pickup locations yet. Add the place couriers collect your parcels from.</p>}
      {removeError && <Alert tone="danger">{removeError.userMessage}</Alert>}
      <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Pickup locations">
        {locations.map((location) =>
          editing?.kind === 'edit' && editing.id === location.id ? (
            <li key={location.id} className="card">
              <PickupLocationForm merchantId={profile.merchantId} location={location} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <li key={location.id} className="card">
              <div className="row-between">
                <h3>{location.label}</h3>
                {location.isDefault && <Badge tone="success">Default</Badge>}
              </div>
              <PostalAddress address={location.address} mapUrl={location.mapUrl} place={location.label} />
              {location.instructions && <p className="small">{location.instructions}</p>}
              {removing === location.id ? (
                <div className="row" role="group" aria-label={`Remove ${location.label}?`}>
                  <span className="small">Remove {location.label}? Orders already created keep their pickup address.</span>
                  <Button
                    variant="danger"
                    loading={remove.isPending}
                    onClick={() =>
                      remove.mutate(location.id, {
                        onSuccess: () => {
                          setRemoving(null);
                          toast(`${location.label} removed.`);
                        },
                      })
                    }
                  >
                    Remove
                  </Button>
                  <Button variant="secondary" onClick={() => setRemoving(null)}>
                    Keep it
                  </Button>
                </div>
              ) : (
                <div className="row">
                  <Button
                    variant="secondary"
                    onClick={() => setEditing({ kind: 'edit', id: location.id })}
                    aria-label={`Change ${location.label}`}
                  >
                    Change
                  </Button>
                  <Button
                    variant="ghost"
                    onClick={() => {
                      remove.reset();
                      setRemoving(location.id);
                    }}
                    aria-label={`Remove ${location.label}`}
                  >
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ),
        )}
      </ul>
      {editing?.kind === 'new' ? (
        <div className="card">
          <PickupLocationForm merchantId={profile.merchantId} onDone={() => setEditing(null)} />
        </div>
      ) : (
        <div className="row">
          <Button onClick={() => setEditing({ kind: 'new' })}>Add pickup location</Button>
        </div>
      )}
    </div>
  );
}
