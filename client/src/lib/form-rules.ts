import { z } from 'zod';

// Form schemas say what the API would say, in its words, before the round trip, and are never stricter. Like the
// API's validators, each field gets the first of its problems only.

/** A text field whose value (trimmed) is checked by `problem`, which names what is wrong or returns nothing. */
export const rule = (problem: (value: string) => string | undefined) =>
  z
    .string()
    .trim()
    .superRefine((value, context) => {
      const message = problem(value);
      if (message) context.addIssue({ code: 'custom', message });
    });

/** The API's TextRules: "Enter the town or city." and "Shorten the town or city to 200 characters or fewer." */
export const tooLong = (value: string, max: number, what: string) =>
  value.length > max ? `Shorten ${what} to ${max} characters or fewer.` : undefined;
export const missingOrTooLong = (value: string, max: number, what: string) => (value === '' ? `Enter ${what}.` : tooLong(value, max, what));
export const requiredText = (max: number, what: string) => rule((value) => missingOrTooLong(value, max, what));
export const optionalText = (max: number, what: string) => rule((value) => tooLong(value, max, what));

/** The text of a number field as a number; blank or not a number is missing (the API then names the field). */
export function toNumber(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Trimmed text, or missing when blank. */
export const optionalValue = (value: string) => (value.trim() === '' ? undefined : value.trim());
