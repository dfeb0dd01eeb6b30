import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import type { CreateOrderCommand, OrderDto, OrderItemDto, PickupLocationDto } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { formatMoney } from '@/lib/format';
import { newIdempotencyKey } from '@/lib/idempotency-key';
import { useCurrentUser } from '@/lib/use-session';
import { useCreateOrder } from '../api/use-order-mutations';
import { usePickupLocations } from '../api/use-pickup-locations';
import { useUsersOfRole } from '../api/use-people';
import { ItemRowFields, type ItemDraft } from './item-row-fields';
import styles from './create-order-form.module.css';
import formStyles from '@/components/ui/form.module.css';

const currencies = ['GBP', 'EUR', 'USD', 'CHF', 'PLN', 'SEK', 'DKK', 'NOK', 'CZK'];

const emptyForm = {
  merchantId: '',
  customerName: '',
  customerPhone: '',
  customerEmail: '',
  line1: '',
  line2: '',
  city: '',
  postalCode: '',
  country: '',
  /** Optional: where the address is on the map, for the customer's map and the arrival estimate (never looked up). */
  latitude: '',
  longitude: '',
  currency: 'GBP',
  notes: '',
  estimatedDeliveryAt: '',
  /** Empty for the merchant's default pickup location. */
  pickupLocationId: '',
};

type FormState = typeof emptyForm;

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

function toNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function lineTotal(item: ItemDraft): number {
  return (toNumber(item.quantity) ?? 0) * (toNumber(item.unitPrice) ?? 0);
}

function toCommand(form: FormState, items: ItemDraft[], asAdmin: boolean): CreateOrderCommand {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    merchantId: asAdmin ? optional(form.merchantId) : undefined,
    customer: { name: form.customerName.trim(), phone: form.customerPhone.trim(), email: optional(form.customerEmail) },
    deliveryAddress: {
      line1: form.line1.trim(),
      line2: optional(form.line2),
      city: form.city.trim(),
      postalCode: form.postalCode.trim(),
      country: form.country.trim(),
      latitude: toNumber(form.latitude),
      longitude: toNumber(form.longitude),
    },
    // A blank quantity or price goes out missing, and the API answers with a message for that field (never a free item).
    items: items.map(
      (item) => ({ name: item.name.trim(), quantity: toNumber(item.quantity), unitPrice: toNumber(item.unitPrice) }) as OrderItemDto,
    ),
    currency: form.currency,
    notes: optional(form.notes),
    estimatedDeliveryAt: form.estimatedDeliveryAt ? new Date(form.estimatedDeliveryAt).toISOString() : undefined,
    pickupLocationId: optional(form.pickupLocationId),
  };
}

/**
 * The create-order form. Validation is the API's: every field error of its ValidationProblemDetails is shown next
 * to its field (matched by the camelCase path) and listed in a summary that takes focus.
 */
export function CreateOrderForm({ onCreated }: { onCreated: (order: OrderDto) => void }) {
  const user = useCurrentUser();
  const isAdmin = user.role === 'Admin';
  const merchants = useUsersOfRole('Merchant', isAdmin);
  const createOrder = useCreateOrder();
  const [form, setForm] = useState<FormState>(emptyForm);
  const pickupLocations = usePickupLocations(isAdmin ? form.merchantId || undefined : user.id);
  const nextKey = useRef(2);
  const [items, setItems] = useState<ItemDraft[]>([{ key: 1, name: '', quantity: '1', unitPrice: '' }]);
  const summaryRef = useRef<HTMLDivElement>(null);
  // One key per draft: a double click or a retry after a lost answer replays the first creation instead of
  // creating a second order. Any edit makes it a new draft.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const newDraft = () => setIdempotencyKey(newIdempotencyKey());

  const error = createOrder.error ? toApiError(createOrder.error) : undefined;
  const errors = error?.fieldErrors;
  // One line per message, so the count in the title is the number of lines under it.
  const messages = Object.entries(errors ?? {}).flatMap(([path, list]) => list.map((message) => ({ path, message })));
  const total = items.reduce((sum, item) => sum + lineTotal(item), 0);

  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  // The country defaults to the one of the merchant's pickup location (the chosen one, else the default): most
  // deliveries stay in the country they leave from. Once the country field is edited, it is what was typed.
  const [countryEdited, setCountryEdited] = useState(false);
  const pickupCountry = (
    pickupLocations.data?.find((location) => location.id === form.pickupLocationId) ??
    pickupLocations.data?.find((location) => location.isDefault)
  )?.address.country;
  const country = countryEdited ? form.country : form.country || pickupCountry || '';

  const set = (field: keyof FormState) => (event: { target: { value: string } }) => {
    newDraft();
    setForm((f) => ({ ...f, [field]: event.target.value }));
  };
  const updateItems = (change: (list: ItemDraft[]) => ItemDraft[]) => {
    newDraft();
    setItems(change);
  };
  const err = (path: string) => fieldMessages(errors, path);

  function submit(event: FormEvent) {
    event.preventDefault();
    createOrder.mutate(
      { command: toCommand({ ...form, country }, items, isAdmin), idempotencyKey },
      { onSuccess: (order) => onCreated(order) },
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="New order">
      <div ref={summaryRef} tabIndex={-1}>
        {error && error.kind === 'validation' && (
          <Alert
            tone="danger"
            title={messages.length > 0 ? `Please fix ${messages.length} problem${messages.length === 1 ? '' : 's'}:` : error.title}
          >
            {messages.length > 0 && (
              <ul>
                {messages.map(({ path, message }) => (
                  <li key={`${path}-${message}`}>
                    <strong>{describeField(path)}:</strong> {message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {error && error.kind !== 'validation' && <Alert tone="danger">{error.userMessage}</Alert>}
      </div>

      {isAdmin && (
        <Card title="Merchant">
          <SelectField label="Merchant" value={form.merchantId} onChange={set('merchantId')} errors={err('merchantId')}>
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
          value={form.pickupLocationId}
          onChange={set('pickupLocationId')}
          errors={err('pickupLocationId')}
          ownProfile={!isAdmin}
        />
      </Card>

      <Card title="Customer">
        <div className={formStyles.grid}>
          <TextField
            label="Name"
            autoComplete="off"
            value={form.customerName}
            onChange={set('customerName')}
            errors={err('customer.name')}
          />
          <TextField
            label="Phone"
            type="tel"
            autoComplete="off"
            value={form.customerPhone}
            onChange={set('customerPhone')}
            errors={err('customer.phone')}
          />
          <TextField
            label="Email (optional)"
            type="email"
            autoComplete="off"
            value={form.customerEmail}
            onChange={set('customerEmail')}
            errors={err('customer.email')}
          />
        </div>
      </Card>

      <Card title="Delivery address">
        <div className={formStyles.grid}>
          <TextField label="Address line 1" value={form.line1} onChange={set('line1')} errors={err('deliveryAddress.line1')} />
          <TextField label="Address line 2 (optional)" value={form.line2} onChange={set('line2')} errors={err('deliveryAddress.line2')} />
          <TextField label="City" value={form.city} onChange={set('city')} errors={err('deliveryAddress.city')} />
          <TextField label="Postal code" value={form.postalCode} onChange={set('postalCode')} errors={err('deliveryAddress.postalCode')} />
          <TextField
            label="Country"
            value={country}
            onChange={(event) => {
              setCountryEdited(true);
              set('country')(event);
            }}
            errors={err('deliveryAddress.country')}
          />
          <TextField
            label="Latitude (optional)"
            inputMode="decimal"
            hint="With the longitude, puts the address on the customer's map, for example 51.5033."
            value={form.latitude}
            onChange={set('latitude')}
            errors={err('deliveryAddress.latitude')}
          />
          <TextField
            label="Longitude (optional)"
            inputMode="decimal"
            hint="For example -0.1195."
            value={form.longitude}
            onChange={set('longitude')}
            errors={err('deliveryAddress.longitude')}
          />
        </div>
      </Card>

      <Card title="Items">
        <div className="stack">
          {err('items') && <Alert tone="danger">{err('items')!.join(' ')}</Alert>}
          {items.map((item, index) => (
            <ItemRowFields
              key={item.key}
              item={item}
              index={index}
              errors={errors}
              canRemove={items.length > 1}
              onChange={(changed) => updateItems((list) => list.map((i) => (i.key === item.key ? changed : i)))}
              onRemove={() => updateItems((list) => list.filter((i) => i.key !== item.key))}
            />
          ))}
          <div className="row-between">
            <Button
              variant="secondary"
              onClick={() => updateItems((list) => [...list, { key: nextKey.current++, name: '', quantity: '1', unitPrice: '' }])}
              disabled={items.length >= 100}
            >
              Add item
            </Button>
            <div className="row">
              <SelectField label="Currency" value={form.currency} onChange={set('currency')} errors={err('currency')}>
                {currencies.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </SelectField>
              <p className={styles.total} aria-live="polite">
                <span className="muted small">Total </span>
                <output aria-label="Order total">{formatMoney(total, form.currency)}</output>
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
            value={form.estimatedDeliveryAt}
            onChange={set('estimatedDeliveryAt')}
            errors={err('estimatedDeliveryAt')}
          />
          <TextareaField label="Notes for the courier (optional)" value={form.notes} onChange={set('notes')} errors={err('notes')} />
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
  value,
  onChange,
  errors,
  ownProfile,
}: {
  locations: PickupLocationDto[] | undefined;
  loading: boolean;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
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
    <SelectField label="Collect from" value={value} onChange={onChange} errors={errors}>
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
