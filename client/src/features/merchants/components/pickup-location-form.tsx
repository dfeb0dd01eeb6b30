import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { addressSchema, addressValues, toAddressDto } from '@/lib/address-form';
import type { PickupLocationDto } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { optionalText, optionalValue, requiredText } from '@/lib/form-rules';
import { useSavePickupLocation } from '../api/use-merchant-profile';
import formStyles from '@/components/ui/form.module.css';

/** The API's PickupLocationValidator: a name, the address as an order's, optional instructions. */
const schema = z.object({
  label: requiredText(100, 'a name for the location, such as Main shop'),
  address: addressSchema,
  instructions: optionalText(500, 'the instructions'),
  isDefault: z.boolean(),
});
type Values = z.infer<typeof schema>;

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
  const { register, handleSubmit, getFieldState, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      label: location?.label ?? '',
      address: addressValues(location?.address),
      instructions: location?.instructions ?? '',
      isDefault: location?.isDefault ?? false,
    },
  });
  const error = save.error ? toApiError(save.error) : undefined;
  // The form's message for a field, else the API's from the last attempt.
  const err = (path: FieldPath<Values>) => {
    const own = getFieldState(path, formState).error?.message;
    return own ? [own] : fieldMessages(error?.fieldErrors, path);
  };

  const submit = handleSubmit((values) =>
    save.mutate(
      {
        locationId: location?.id,
        request: {
          label: values.label,
          address: toAddressDto(values.address),
          instructions: optionalValue(values.instructions),
          isDefault: values.isDefault,
        },
      },
      { onSuccess: onDone },
    ),
  );

  const title = location ? `Change ${location.label}` : 'New pickup location';
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {error && error.kind !== 'validation' && <Alert tone="danger">{error.userMessage}</Alert>}
      <div className={formStyles.grid}>
        <TextField label="Name of the place" hint="For example Shop or Warehouse." errors={err('label')} {...register('label')} />
        <TextField
          label="Address line 1"
          errors={err('address.line1') ?? fieldMessages(error?.fieldErrors, 'address')}
          {...register('address.line1')}
        />
        <TextField label="Address line 2 (optional)" errors={err('address.line2')} {...register('address.line2')} />
        <TextField label="City" errors={err('address.city')} {...register('address.city')} />
        <TextField label="Postal code" errors={err('address.postalCode')} {...register('address.postalCode')} />
        <TextField label="Country" errors={err('address.country')} {...register('address.country')} />
        <TextField label="Latitude (optional)" inputMode="decimal" errors={err('address.latitude')} {...register('address.latitude')} />
        <TextField label="Longitude (optional)" inputMode="decimal" errors={err('address.longitude')} {...register('address.longitude')} />
        <TextareaField
          label="Instructions for couriers (optional)"
          hint="Opening hours, which door to use, whom to ask."
          errors={err('instructions')}
          {...register('instructions')}
        />
      </div>
      <label className={formStyles.checkboxLabel}>
        <input type="checkbox" {...register('isDefault')} />
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
