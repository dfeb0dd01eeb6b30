import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import type { PickupLocationDto } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useSavePickupLocation } from '../api/use-merchant-profile';
import formStyles from '@/components/ui/form.module.css';

/** Adds a pickup location, or changes one. Orders already created keep the address they were created with. */
export function PickupLocationForm({
  merchantId,
  location,
  onDone,
}: {
  merchantId: string;
  location?: PickupLocationDto;
  onDone: () => void;
}) {
  const save = useSavePickupLocation(merchantId);
  const [form, setForm] = useState({
    label: location?.label ?? '',
    line1: location?.address.line1 ?? '',
    line2: location?.address.line2 ?? '',
    city: location?.address.city ?? '',
    postalCode: location?.address.postalCode ?? '',
    country: location?.address.country ?? '',
    latitude: location?.address.latitude?.toString() ?? '',
    longitude: location?.address.longitude?.toString() ?? '',
    instructions: location?.instructions ?? '',
    isDefault: location?.isDefault ?? false,
  });
  const error = save.error ? toApiError(save.error) : undefined;
  const err = (path: string) => fieldMessages(error?.fieldErrors, path);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        locationId: location?.id,
        request: {
          label: form.label.trim(),
          address: {
            line1: form.line1.trim(),
            line2: optional(form.line2),
            city: form.city.trim(),
            postalCode: form.postalCode.trim(),
            country: form.country.trim(),
            latitude: form.latitude.trim() === '' ? undefined : Number(form.latitude),
            longitude: form.longitude.trim() === '' ? undefined : Number(form.longitude),
          },
          instructions: optional(form.instructions),
          isDefault: form.isDefault,
        },
      },
      { onSuccess: onDone },
    );
  }

  const title = location ? `Change ${location.label}` : 'New pickup location';
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {error && error.kind !== 'validation' && <Alert tone="danger">{error.userMessage}</Alert>}
      <div className={formStyles.grid}>
        <TextField
          label="Name of the place"
          hint="For example Shop or Warehouse."
          value={form.label}
          onChange={set('label')}
          errors={err('label')}
        />
        <TextField label="Address line 1" value={form.line1} onChange={set('line1')} errors={err('address.line1') ?? err('address')} />
        <TextField label="Address line 2 (optional)" value={form.line2} onChange={set('line2')} errors={err('address.line2')} />
        <TextField label="City" value={form.city} onChange={set('city')} errors={err('address.city')} />
        <TextField label="Postal code" value={form.postalCode} onChange={set('postalCode')} errors={err('address.postalCode')} />
        <TextField label="Country" value={form.country} onChange={set('country')} errors={err('address.country')} />
        <TextField
          label="Latitude (optional)"
          inputMode="decimal"
          value={form.latitude}
          onChange={set('latitude')}
          errors={err('address.latitude')}
        />
        <TextField
          label="Longitude (optional)"
          inputMode="decimal"
          value={form.longitude}
          onChange={set('longitude')}
          errors={err('address.longitude')}
        />
        <TextareaField
          label="Instructions for couriers (optional)"
          hint="Opening hours, which door to use, whom to ask."
          value={form.instructions}
          onChange={set('instructions')}
          errors={err('instructions')}
        />
      </div>
      <label className={formStyles.checkboxLabel}>
        <input type="checkbox" checked={form.isDefault} onChange={(e) => setForm((f) => ({ ...f, isDefault: e.target.checked }))} />
        Collect new orders here unless I choose another place
      </label>
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {location ? 'Save changes' : 'Add pickup location'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
