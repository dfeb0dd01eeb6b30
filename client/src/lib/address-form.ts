import { z } from 'zod';
import type { DeliveryAddressDto } from './api/generated';
import { optionalText, optionalValue, requiredText, rule, toNumber } from './form-rules';

const coordinate = (limit: number, message: string) => rule((value) => (Math.abs(toNumber(value) ?? 0) > limit ? message : undefined));
const bothOrNeither = 'Give both the latitude and the longitude of the address, or neither.';
const givenAlone = (one: string, other: string) => toNumber(one) !== undefined && toNumber(other) === undefined;

/** An address as its form fields hold it, with the API's DeliveryAddressValidator rules (orders and pickup locations). */
export const addressSchema = z
  .object({
    line1: requiredText(200, 'the street address'),
    line2: optionalText(200, 'the second address line'),
    city: requiredText(200, 'the town or city'),
    postalCode: requiredText(20, 'the postal code'),
    country: requiredText(100, 'the country'),
    /** Optional: where the address is on the map, for the customer's map and the arrival estimate (never looked up). */
    latitude: coordinate(90, 'A latitude lies between -90 and 90 degrees.'),
    longitude: coordinate(180, 'A longitude lies between -180 and 180 degrees.'),
  })
  .refine((a) => !givenAlone(a.longitude, a.latitude), { error: bothOrNeither, path: ['latitude'] })
  .refine((a) => !givenAlone(a.latitude, a.longitude), { error: bothOrNeither, path: ['longitude'] });

export type AddressValues = z.infer<typeof addressSchema>;

export function addressValues(address?: DeliveryAddressDto): AddressValues {
  return {
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    postalCode: address?.postalCode ?? '',
    country: address?.country ?? '',
    latitude: address?.latitude?.toString() ?? '',
    longitude: address?.longitude?.toString() ?? '',
  };
}

export function toAddressDto(address: AddressValues): DeliveryAddressDto {
  return {
    line1: address.line1.trim(),
    line2: optionalValue(address.line2),
    city: address.city.trim(),
    postalCode: address.postalCode.trim(),
    country: address.country.trim(),
    latitude: toNumber(address.latitude),
    longitude: toNumber(address.longitude),
  };
}
