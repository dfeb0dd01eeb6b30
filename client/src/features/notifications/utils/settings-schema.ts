import { z } from 'zod';
import type { NotificationSettingsDto, NotificationSettingsRequest, OrderStatus } from '@/lib/api/generated';

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The form's rules: the server's own, so a person learns of a mistake before saving. The server checks again. */
export const settingsSchema = z.object({
  enabled: z.boolean(),
  events: z.array(z.string()),
  senderName: z.string().trim().max(100, { error: 'Shorten the sender name to 100 characters or fewer.' }),
  replyTo: z.union([
    z.literal(''),
    z.email({ error: 'Enter the reply-to address as name@example.com, or leave it empty for your public e-mail.' }),
  ]),
  accentColour: z.union([
    z.literal(''),
    z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'Give the accent colour as #rrggbb, such as #0a7d5a.' }),
  ]),
  logoUrl: z.union([
    z.literal(''),
    z.url({ protocol: /^https$/, error: 'Give the logo as an https address of an image, such as https://shop.example.com/logo.png.' }),
  ]),
  language: z.string().trim().min(2, { error: 'Choose a language by its tag, such as en-GB.' }).max(35),
  timeZone: z.string().min(1, { error: 'Choose a time zone.' }),
});

export type SettingsForm = z.infer<typeof settingsSchema>;

export function toForm(settings: NotificationSettingsDto): SettingsForm {
  return {
    enabled: settings.enabled ?? false,
    events: settings.events ?? [],
    senderName: settings.senderName ?? '',
    replyTo: settings.replyTo ?? '',
    accentColour: settings.accentColour ?? '',
    logoUrl: settings.logoUrl ?? '',
    language: settings.language ?? 'en',
    timeZone: settings.timeZone ?? 'UTC',
  };
}

export function toRequest(form: SettingsForm): NotificationSettingsRequest {
  return {
    enabled: form.enabled,
    events: form.events as OrderStatus[],
    senderName: optional(form.senderName),
    replyTo: optional(form.replyTo),
    accentColour: optional(form.accentColour),
    logoUrl: optional(form.logoUrl),
    language: form.language.trim(),
    timeZone: form.timeZone,
  };
}

/** Every IANA zone the browser knows, with the chosen one first in line if the browser lacks it. */
export function timeZones(chosen: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = known.includes('UTC') ? known : ['UTC', ...known];
  return all.includes(chosen) ? all : [chosen, ...all];
}
