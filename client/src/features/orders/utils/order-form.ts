import { z } from 'zod';
import { addressSchema, addressValues, toAddressDto } from '@/lib/address-form';
import type { CreateOrderCommand } from '@/lib/api/generated';
import { missingOrTooLong, optionalText, optionalValue, requiredText, rule, tooLong, toNumber } from '@/lib/form-rules';

export const currencies = ['GBP', 'EUR', 'USD', 'CHF', 'PLN', 'SEK', 'DKK', 'NOK', 'CZK'];

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

const item = z.object({
  name: requiredText(200, 'what the item is'),
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

/**
 * The create-order form's values, shaped like the command so that an error's path is the API's path
 * (`customer.name`, `items[1].quantity`). Every value is the text of its field; `toCommand` turns them into numbers.
 * The limits and messages are the API's: CreateOrderCommandValidator with the customer, address and item validators.
 */
export const orderFormSchema = z.object({
  /** Only an admin chooses; the API says when none is chosen. */
  merchantId: z.string(),
  /** Empty for the merchant's default pickup location. */
  pickupLocationId: z.string(),
  customer: z.object({
    name: requiredText(200, "the customer's name"),
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
  deliveryAddress: addressSchema,
  items: z.array(item),
  currency: z.string(),
  notes: optionalText(2000, 'the notes'),
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
  deliveryAddress: addressValues(),
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
  const { customer } = values;
  return {
    merchantId: asAdmin ? optionalValue(values.merchantId) : undefined,
    customer: { name: customer.name.trim(), phone: customer.phone.trim(), email: optionalValue(customer.email) },
    deliveryAddress: toAddressDto(values.deliveryAddress),
    // The schema has checked the numbers: none is blank.
    items: values.items.map((i) => ({ name: i.name.trim(), quantity: Number(i.quantity), unitPrice: Number(i.unitPrice) })),
    currency: values.currency,
    notes: optionalValue(values.notes),
    estimatedDeliveryAt: values.estimatedDeliveryAt ? new Date(values.estimatedDeliveryAt).toISOString() : undefined,
    pickupLocationId: optionalValue(values.pickupLocationId),
  };
}
