import { z } from 'zod';
import type { CreateOrderCommand } from '@/lib/api/generated';

/**
 * The create-order form's values, shaped like the command so that an error's path is the API's path
 * (`customer.name`, `items[1].quantity`). Every value is the text of its field; `toCommand` turns them into numbers.
 */

export const currencies = ['GBP', 'EUR', 'USD', 'CHF', 'PLN', 'SEK', 'DKK', 'NOK', 'CZK'];

// The limits and messages are the API's (CreateOrderCommandValidator and the customer, address and item validators):
// the form says what the API would say, before the round trip, and is never stricter. Like the API, each field gets
// the first of its problems only.

/** A field whose value (trimmed) is checked by `problem`, which names what is wrong or returns nothing. */
const rule = (problem: (value: string) => string | undefined) =>
  z
    .string()
    .trim()
    .superRefine((value, context) => {
      const message = problem(value);
      if (message) context.addIssue({ code: 'custom', message });
    });

const tooLong = (value: string, max: number, what: string) =>
  value.length > max ? `Shorten ${what} to ${max} characters or fewer.` : undefined;
const missingOrTooLong = (value: string, max: number, what: string) => (value === '' ? `Enter ${what}.` : tooLong(value, max, what));
const required = (max: number, what: string) => rule((value) => missingOrTooLong(value, max, what));
const optional = (max: number, what: string) => rule((value) => tooLong(value, max, what));

/** The text of a number field as a number; blank or not a number is missing (the API then names the field). */
export function toNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Digits with an optional leading +, spaces, dashes, dots and parentheses; 6 to 15 digits in all. */
function isPhoneNumber(phone: string): boolean {
  const digits = phone.replace(/[^0-9]/g, '').length;
  return /^\+?[0-9 ().-]{6,25}$/.test(phone) && digits >= 6 && digits <= 15;
}

/** The API's (ASP.NET Core's) check: one @, neither first nor last. */
function isEmailAddress(email: string): boolean {
  const at = email.indexOf('@');
  return at > 0 && at < email.length - 1 && at === email.lastIndexOf('@');
}

const coordinate = (limit: number, message: string) => rule((value) => (Math.abs(toNumber(value) ?? 0) > limit ? message : undefined));
const bothOrNeither = 'Give both the latitude and the longitude of the address, or neither.';
const givenAlone = (one: string, other: string) => toNumber(one) !== undefined && toNumber(other) === undefined;

const item = z.object({
  name: required(200, 'what the item is'),
  quantity: rule((value) => {
    const quantity = toNumber(value);
    const valid = quantity !== undefined && Number.isInteger(quantity) && quantity >= 1 && quantity <= 10_000;
    return valid ? undefined : 'Enter a quantity from 1 to 10 000.';
  }),
  unitPrice: rule((value) => {
    const price = toNumber(value);
    // A blank price is refused rather than read as free: nobody means £0.00 by leaving the box empty.
    if (price === undefined) return 'Enter the unit price (0 for a free item).';
    if (price < 0 || price > 1_000_000_000) return 'Enter a unit price from 0 to 1 000 000 000.';
    if (Number(price.toFixed(2)) !== price) return 'Use at most 2 decimals for the unit price.';
  }),
});

export const orderFormSchema = z.object({
  /** Only an admin chooses; the API says when none is chosen. */
  merchantId: z.string(),
  /** Empty for the merchant's default pickup location. */
  pickupLocationId: z.string(),
  customer: z.object({
    name: required(200, "the customer's name"),
    phone: rule(
      (value) =>
        missingOrTooLong(value, 32, "the customer's phone number") ??
        (isPhoneNumber(value) ? undefined : 'Enter a phone number of 6 to 15 digits, such as +44 20 7946 0000.'),
    ),
    email: rule((value) => {
      if (value === '') return undefined;
      if (!isEmailAddress(value)) return 'Enter an email address such as name@example.com, or leave it empty.';
      return tooLong(value, 254, 'the email address');
    }),
  }),
  deliveryAddress: z
    .object({
      line1: required(200, 'the street address'),
      line2: optional(200, 'the second address line'),
      city: required(200, 'the town or city'),
      postalCode: required(20, 'the postal code'),
      country: required(100, 'the country'),
      /** Optional: where the address is on the map, for the customer's map and the arrival estimate (never looked up). */
      latitude: coordinate(90, 'A latitude lies between -90 and 90 degrees.'),
      longitude: coordinate(180, 'A longitude lies between -180 and 180 degrees.'),
    })
    .refine((a) => !givenAlone(a.longitude, a.latitude), { error: bothOrNeither, path: ['latitude'] })
    .refine((a) => !givenAlone(a.latitude, a.longitude), { error: bothOrNeither, path: ['longitude'] }),
  items: z.array(item),
  currency: z.string(),
  notes: optional(2000, 'the notes'),
  estimatedDeliveryAt: rule((value) =>
    value !== '' && new Date(value) <= new Date() ? 'Choose an estimated delivery time in the future.' : undefined,
  ),
});

export type OrderFormValues = z.infer<typeof orderFormSchema>;
export type ItemValues = OrderFormValues['items'][number];

export const newItem: ItemValues = { name: '', quantity: '1', unitPrice: '' };

export const newOrderValues: OrderFormValues = {
  merchantId: '',
  pickupLocationId: '',
  customer: { name: '', phone: '', email: '' },
  deliveryAddress: { line1: '', line2: '', city: '', postalCode: '', country: '', latitude: '', longitude: '' },
  items: [newItem],
  currency: 'GBP',
  notes: '',
  estimatedDeliveryAt: '',
};

export function lineTotal(item: ItemValues): number {
  return (toNumber(item.quantity) ?? 0) * (toNumber(item.unitPrice) ?? 0);
}

/** The command for values the schema has passed. */
export function toCommand(values: OrderFormValues, asAdmin: boolean): CreateOrderCommand {
  const optionalText = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const { customer, deliveryAddress: address } = values;
  return {
    merchantId: asAdmin ? optionalText(values.merchantId) : undefined,
    customer: { name: customer.name.trim(), phone: customer.phone.trim(), email: optionalText(customer.email) },
    deliveryAddress: {
      line1: address.line1.trim(),
      line2: optionalText(address.line2),
      city: address.city.trim(),
      postalCode: address.postalCode.trim(),
      country: address.country.trim(),
      latitude: toNumber(address.latitude),
      longitude: toNumber(address.longitude),
    },
    // The schema has checked the numbers: none is blank.
    items: values.items.map((i) => ({ name: i.name.trim(), quantity: Number(i.quantity), unitPrice: Number(i.unitPrice) })),
    currency: values.currency,
    notes: optionalText(values.notes),
    estimatedDeliveryAt: values.estimatedDeliveryAt ? new Date(values.estimatedDeliveryAt).toISOString() : undefined,
    pickupLocationId: optionalText(values.pickupLocationId),
  };
}
