import { newOrderValues, orderFormSchema, toCommand, type OrderFormValues } from '../order-form';

const valid: OrderFormValues = {
  ...newOrderValues,
  customer: { name: 'Ada Lovelace', phone: '+44 20 7946 0000', email: '' },
  deliveryAddress: {
    ...newOrderValues.deliveryAddress,
    line1: '12 Analytical Way',
    city: 'London',
    postalCode: 'N1 9GU',
    country: 'United Kingdom',
  },
  items: [{ name: 'Sourdough loaf', quantity: '2', unitPrice: '4.50' }],
};

/** The form's message per field (by the API's dotted path), for an order that differs from a valid one. */
function problems(change: (values: OrderFormValues) => void): Record<string, string> {
  const values = structuredClone(valid);
  change(values);
  const result = orderFormSchema.safeParse(values);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the create-order form’s rules (the API’s, checked before sending)', () => {
  it('lets a complete order through', () => {
    expect(problems(() => {})).toEqual({});
  });

  it('asks for each required field in the API’s words, and blank is blank', () => {
    expect(
      problems((v) => {
        v.customer.name = '   ';
        v.deliveryAddress.postalCode = '';
        v.items[0]!.name = '';
      }),
    ).toEqual({
      'customer.name': "Enter the customer's name.",
      'deliveryAddress.postalCode': 'Enter the postal code.',
      'items.0.name': 'Enter what the item is.',
    });
  });

  it('holds the API’s length limits on the trimmed text, one message per field', () => {
    expect(problems((v) => (v.deliveryAddress.postalCode = ` ${'9'.repeat(20)} `))).toEqual({});
    expect(problems((v) => (v.deliveryAddress.postalCode = '9'.repeat(21)))).toEqual({
      'deliveryAddress.postalCode': 'Shorten the postal code to 20 characters or fewer.',
    });
    expect(problems((v) => (v.customer.phone = `+${'1'.repeat(32)}`))).toEqual({
      'customer.phone': "Shorten the customer's phone number to 32 characters or fewer.",
    });
    expect(problems((v) => (v.notes = 'n'.repeat(2001)))).toEqual({ notes: 'Shorten the notes to 2000 characters or fewer.' });
  });

  it.each(['+44 20 7946 0000', '(020) 7946-0000', '123456', '+1.234.567.890.123.45'])('takes the phone number %s', (phone) => {
    expect(problems((v) => (v.customer.phone = phone))).toEqual({});
  });

  it.each(['not a phone', '12345', '1234567890123456', '+44 20 7946 0000 ext 1'])('refuses the phone number %s', (phone) => {
    expect(problems((v) => (v.customer.phone = phone))).toEqual({
      'customer.phone': 'Enter a phone number of 6 to 15 digits, such as +44 20 7946 0000.',
    });
  });

  it('checks an email address only as loosely as the API does: one @, neither first nor last', () => {
    for (const email of ['', 'ada@example.com', 'ada@localhost']) expect(problems((v) => (v.customer.email = email))).toEqual({});
    for (const email of ['ada', '@example.com', 'ada@', 'ada@@example.com']) {
      expect(problems((v) => (v.customer.email = email))).toEqual({
        'customer.email': 'Enter an email address such as name@example.com, or leave it empty.',
      });
    }
  });

  it('wants both map coordinates or neither, each within its range', () => {
    expect(problems((v) => Object.assign(v.deliveryAddress, { latitude: '51.5033', longitude: '-0.1195' }))).toEqual({});
    expect(problems((v) => (v.deliveryAddress.latitude = '51.5033'))).toEqual({
      'deliveryAddress.longitude': 'Give both the latitude and the longitude of the address, or neither.',
    });
    expect(problems((v) => (v.deliveryAddress.longitude = '-0.1195'))).toEqual({
      'deliveryAddress.latitude': 'Give both the latitude and the longitude of the address, or neither.',
    });
    expect(problems((v) => Object.assign(v.deliveryAddress, { latitude: '90.5', longitude: '-180.5' }))).toEqual({
      'deliveryAddress.latitude': 'A latitude lies between -90 and 90 degrees.',
      'deliveryAddress.longitude': 'A longitude lies between -180 and 180 degrees.',
    });
  });

  it('says both coordinates are needed even while another address field is wrong', () => {
    expect(
      problems((v) => {
        v.deliveryAddress.city = '';
        v.deliveryAddress.latitude = '51.5';
      }),
    ).toEqual({
      'deliveryAddress.city': 'Enter the town or city.',
      'deliveryAddress.longitude': 'Give both the latitude and the longitude of the address, or neither.',
    });
  });

  it.each(['', '0', '10001', '1.5'])('refuses the quantity "%s"', (quantity) => {
    expect(problems((v) => (v.items[0]!.quantity = quantity))).toEqual({ 'items.0.quantity': 'Enter a quantity from 1 to 10 000.' });
  });

  it.each([
    ['', 'Enter the unit price (0 for a free item).'],
    ['-0.01', 'Enter a unit price from 0 to 1 000 000 000.'],
    ['2000000000', 'Enter a unit price from 0 to 1 000 000 000.'],
    ['4.355', 'Use at most 2 decimals for the unit price.'],
  ])('refuses the unit price "%s"', (unitPrice, message) => {
    expect(problems((v) => (v.items[0]!.unitPrice = unitPrice))).toEqual({ 'items.0.unitPrice': message });
  });

  it('takes a free item, a price in cents and the largest price', () => {
    for (const unitPrice of ['0', '4.35', '1000000000']) expect(problems((v) => (v.items[0]!.unitPrice = unitPrice))).toEqual({});
  });

  it('wants an estimated delivery in the future', () => {
    expect(problems((v) => (v.estimatedDeliveryAt = '2020-01-02T10:30'))).toEqual({
      estimatedDeliveryAt: 'Choose an estimated delivery time in the future.',
    });
    expect(problems((v) => (v.estimatedDeliveryAt = `${new Date().getFullYear() + 1}-01-02T10:30`))).toEqual({});
  });
});

describe('toCommand', () => {
  it('trims the text, sends blank optional fields as missing and numbers as numbers', () => {
    const command = toCommand(
      {
        ...valid,
        customer: { ...valid.customer, name: ' Ada ', email: ' ' },
        deliveryAddress: { ...valid.deliveryAddress, latitude: '51.5' },
      },
      false,
    );
    expect(command.customer).toEqual({ name: 'Ada', phone: '+44 20 7946 0000', email: undefined });
    expect(command.deliveryAddress).toMatchObject({ line2: undefined, latitude: 51.5, longitude: undefined });
    expect(command.items).toEqual([{ name: 'Sourdough loaf', quantity: 2, unitPrice: 4.5 }]);
    expect(command).toMatchObject({ merchantId: undefined, notes: undefined, estimatedDeliveryAt: undefined, pickupLocationId: undefined });
  });

  it('names the merchant only for an admin', () => {
    expect(toCommand({ ...valid, merchantId: 'm-1' }, true).merchantId).toBe('m-1');
    expect(toCommand({ ...valid, merchantId: 'm-1' }, false).merchantId).toBeUndefined();
  });
});
