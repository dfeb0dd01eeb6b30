import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm, useWatch, type UseFormRegisterReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import type { OrderDto, PickupLocationDto } from '@/lib/api/generated';
import { fieldMessages, toApiError, type FieldErrors } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { useCurrentUser } from '@/lib/use-session';
import { useCreateOrder } from '../api/use-order-mutations';
import { usePickupLocations } from '../api/use-pickup-locations';
import { useUsersOfRole } from '../api/use-people';
import { currencies, lineTotal, newItem, newOrderValues, orderFormSchema, toCommand, type OrderFormValues } from '../utils/order-form';
import { ItemRowFields } from './item-row-fields';
import styles from './create-order-form.module.css';
import formStyles from '@/components/ui/form.module.css';

const fieldLabels: Record<string, string> = {
  merchantid: 'Merchant',
  'customer.name': 'Customer name',
  'customer.phone': 'Customer phone',
  'customer.email': 'Customer email',
  'deliveryaddress.line1': 'Address line 1',
  'deliveryaddress.line2': 'Address line 2',
  'deliveryaddress.city': 'City',
  'deliveryaddress.postalcode': 'Postal code',
  'deliveryaddress.country': 'Country',
  'deliveryaddress.latitude': 'Latitude',
  'deliveryaddress.longitude': 'Longitude',
  items: 'Items',
  currency: 'Currency',
  notes: 'Notes',
  estimateddeliveryat: 'Estimated delivery',
  pickuplocationid: 'Pickup location',
};

const itemFieldLabels: Record<string, string> = { name: 'name', quantity: 'quantity', unitprice: 'unit price' };

/** "items[1].unitPrice" → "Item 2 unit price", so the summary says which field each message is about. */
function describeField(path: string): string {
  const item = /^items\[(\d+)\]\.?(\w*)$/i.exec(path);
  if (item) return `Item ${Number(item[1]) + 1}${item[2] ? ` ${itemFieldLabels[item[2].toLowerCase()] ?? item[2]}` : ''}`;
  return fieldLabels[path.toLowerCase()] ?? path;
}

/** The form's own errors by the API's paths (`items[1].quantity`), so both kinds show the same way. */
function byPath(node: unknown, path = ''): FieldErrors {
  if (!node || typeof node !== 'object') return {};
  if ('message' in node && typeof node.message === 'string') return { [path]: [node.message] };
  const child = (key: string) => (Array.isArray(node) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
  return Object.assign({}, ...Object.entries(node).map(([key, value]) => byPath(value, child(key))));
}

/**
 * The create-order form. It checks the API's rules before sending; whatever the API still refuses (a merchant, a
 * pickup location) comes back as ValidationProblemDetails. Every message shows next to its field and in a summary.
 */
export function CreateOrderForm({ onCreated }: { onCreated: (order: OrderDto) => void }) {
  const user = useCurrentUser();
  const isAdmin = user.role === 'Admin';
  const merchants = useUsersOfRole('Merchant', isAdmin);
  const createOrder = useCreateOrder();
  const { register, control, handleSubmit, setValue, formState } = useForm<OrderFormValues>({
    resolver: zodResolver(orderFormSchema),
    defaultValues: newOrderValues,
  });
  const items = useFieldArray({ control, name: 'items' });
  const [merchantId, pickupLocationId, currency, itemValues] = useWatch({
    control,
    name: ['merchantId', 'pickupLocationId', 'currency', 'items'],
  });
  const pickupLocations = usePickupLocations(isAdmin ? merchantId || undefined : user.id);
  const summaryRef = useRef<HTMLDivElement>(null);
  // One key per draft: sending the same order again (a double click, a retry after a lost answer) replays the first
  // creation instead of creating a second order. A changed order is a new draft.
  const draft = useRef<{ body: string; key: string }>(undefined);

  const error = createOrder.error ? toApiError(createOrder.error) : undefined;
  // The form's message for a field replaces the API's from the last attempt.
  const errors: FieldErrors = { ...error?.fieldErrors, ...byPath(formState.errors) };
  // One line per message, so the count in the title is the number of lines under it.
  const messages = Object.entries(errors).flatMap(([path, list]) => list.map((message) => ({ path, message })));
  const total = itemValues.reduce((sum, item) => sum + lineTotal(item), 0);
  const err = (path: string) => fieldMessages(errors, path);

  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  // The country defaults to the one of the merchant's pickup location (the chosen one, else the default): most
  // deliveries stay in the country they leave from. Once the country field is edited, it is what was typed.
  const [countryEdited, setCountryEdited] = useState(false);
  const pickupCountry = (
    pickupLocations.data?.find((location) => location.id === pickupLocationId) ??
    pickupLocations.data?.find((location) => location.isDefault)
  )?.address.country;
  useEffect(() => {
    if (!countryEdited) setValue('deliveryAddress.country', pickupCountry ?? '');
  }, [countryEdited, pickupCountry, setValue]);

  function send(values: OrderFormValues) {
    const command = toCommand(values, isAdmin);
    const body = JSON.stringify(command);
    if (draft.current?.body !== body) draft.current = { body, key: newIdempotencyKey() };
    createOrder.mutate({ command, idempotencyKey: draft.current.key }, { onSuccess: (order) => onCreated(order) });
  }

  return (
    <form
      className="stack"
      // The API's answer to the last attempt is out of date once the form refuses this one.
      onSubmit={(event) => handleSubmit(send, () => createOrder.reset())(event)}
      noValidate
      aria-label="New order"
    >
      <div ref={summaryRef} tabIndex={-1}>
        {messages.length > 0 && (
          <Alert tone="danger" title={`Please fix ${messages.length} problem${messages.length === 1 ? '' : 's'}:`}>
            <ul>
              {messages.map(({ path, message }) => (
                <li key={`${path}-${message}`}>
                  <strong>{describeField(path)}:</strong> {message}
                </li>
              ))}
            </ul>
          </Alert>
        )}
        {error && messages.length === 0 && (
          <Alert tone="danger" title={error.kind === 'validation' ? error.title : undefined}>
            {error.kind !== 'validation' && error.userMessage}
          </Alert>
        )}
      </div>

      {isAdmin && (
        <Card title="Merchant">
          <SelectField label="Merchant" errors={err('merchantId')} {...register('merchantId')}>
            <option value="">Choose a merchant…</option>
            {(merchants.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </SelectField>
        </Card>
      )}

      <Card title="Pickup">
        <PickupPicker
          locations={pickupLocations.data}
          loading={pickupLocations.isFetching}
          field={register('pickupLocationId')}
          errors={err('pickupLocationId')}
          ownProfile={!isAdmin}
        />
      </Card>

      <Card title="Customer">
        <div className={formStyles.grid}>
          <TextField label="Name" autoComplete="off" errors={err('customer.name')} {...register('customer.name')} />
          <TextField label="Phone" type="tel" autoComplete="off" errors={err('customer.phone')} {...register('customer.phone')} />
          <TextField
            label="Email (optional)"
            type="email"
            autoComplete="off"
            errors={err('customer.email')}
            {...register('customer.email')}
          />
        </div>
      </Card>

      <Card title="Delivery address">
        <div className={formStyles.grid}>
          <TextField label="Address line 1" errors={err('deliveryAddress.line1')} {...register('deliveryAddress.line1')} />
          <TextField label="Address line 2 (optional)" errors={err('deliveryAddress.line2')} {...register('deliveryAddress.line2')} />
          <TextField label="City" errors={err('deliveryAddress.city')} {...register('deliveryAddress.city')} />
          <TextField label="Postal code" errors={err('deliveryAddress.postalCode')} {...register('deliveryAddress.postalCode')} />
          <TextField
            label="Country"
            errors={err('deliveryAddress.country')}
            {...register('deliveryAddress.country', { onChange: () => setCountryEdited(true) })}
          />
          <TextField
            label="Latitude (optional)"
            inputMode="decimal"
            hint="With the longitude, puts the address on the customer's map, for example 51.5033."
            errors={err('deliveryAddress.latitude')}
            {...register('deliveryAddress.latitude')}
          />
          <TextField
            label="Longitude (optional)"
            inputMode="decimal"
            hint="For example -0.1195."
            errors={err('deliveryAddress.longitude')}
            {...register('deliveryAddress.longitude')}
          />
        </div>
      </Card>

      <Card title="Items">
        <div className="stack">
          {err('items') && <Alert tone="danger">{err('items')!.join(' ')}</Alert>}
          {items.fields.map((item, index) => (
            <ItemRowFields
              key={item.id}
              index={index}
              register={register}
              errorsOf={err}
              canRemove={items.fields.length > 1}
              onRemove={() => items.remove(index)}
            />
          ))}
          <div className="row-between">
            <Button variant="secondary" onClick={() => items.append(newItem)} disabled={items.fields.length >= 100}>
              Add item
            </Button>
            <div className="row">
              <SelectField label="Currency" errors={err('currency')} {...register('currency')}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </SelectField>
              <p className={styles.total} aria-live="polite">
                <span className="muted small">Total </span>
                <output aria-label="Order total">{formatMoney(total, currency)}</output>
              </p>
            </div>
          </div>
        </div>
      </Card>

      <Card title="Delivery details">
        <div className={formStyles.grid}>
          <TextField
            label="Estimated delivery (optional)"
            type="datetime-local"
            errors={err('estimatedDeliveryAt')}
            {...register('estimatedDeliveryAt')}
          />
          <TextareaField label="Notes for the courier (optional)" errors={err('notes')} {...register('notes')} />
        </div>
      </Card>

      <div className="row">
        <Button type="submit" size="lg" loading={createOrder.isPending}>
          Create order
        </Button>
      </div>
    </form>
  );
}

/** Where the courier collects the order: the default location unless the merchant picks another. */
function PickupPicker({
  locations,
  loading,
  field,
  errors,
  ownProfile,
}: {
  locations: PickupLocationDto[] | undefined;
  loading: boolean;
  field: UseFormRegisterReturn;
  errors?: string[];
  ownProfile: boolean;
}) {
  if (!locations)
    return <p className="muted">{loading ? 'Loading pickup locations…' : 'Choose the merchant to see its pickup locations.'}</p>;
  if (locations.length === 0) {
    return (
      <p className="muted">
        No pickup location yet, so couriers will not see where to collect.{' '}
        {ownProfile && <Link to="/business">Add one in your business profile.</Link>}
      </p>
    );
  }

  const place = (l: PickupLocationDto) => `${l.label}: ${l.address.line1}, ${l.address.city}`;
  const fallback = locations.find((l) => l.isDefault) ?? locations[0];
  return (
    <SelectField label="Collect from" errors={errors} {...field}>
      <option value="">{place(fallback)} (default)</option>
      {locations
        .filter((l) => l.id !== fallback.id)
        .map((l) => (
          <option key={l.id} value={l.id}>
            {place(l)}
          </option>
        ))}
    </SelectField>
  );
}
