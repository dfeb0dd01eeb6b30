import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { SelectField } from '@/components/ui/select-field';
import { TextareaField } from '@/components/ui/textarea-field';
import type { RedeliveryOptionsDto, TrackingDeliveryRequestDto } from '@/lib/api/generated';
import { toApiError } from '@/lib/errors';
import { useRequestDelivery } from '../api/use-tracking';
import { customerDate } from '../utils/customer-wording';

const schema = (maxLength: number) =>
  z
    .object({
      instructions: z.string().trim().max(maxLength, `Keep the instructions to ${maxLength} characters.`),
      preferredDate: z.string(),
    })
    .refine((value) => value.instructions.length > 0 || value.preferredDate.length > 0, {
      message: 'Write instructions for the courier, choose another day, or both.',
      path: ['instructions'],
    });

type Values = z.infer<ReturnType<typeof schema>>;

/** A date (yyyy-mm-dd) as its day, in the viewer's language: "Tuesday 8 December". */
function dayLabel(date: string): string {
  return customerDate(`${date}T12:00:00Z`, { timeZone: 'UTC' });
}

/**
 * After a failed attempt: instructions for the courier and/or another day from the merchant's. Only the request is
 * sent; what was sent before is never read back (the tracking code alone must not reveal it), only its day.
 */
export function DeliveryRequestForm({
  trackingCode,
  options,
  sent,
  sender,
}: {
  trackingCode: string;
  options: RedeliveryOptionsDto;
  sent?: TrackingDeliveryRequestDto;
  sender: string;
}) {
  const request = useRequestDelivery(trackingCode);
  const maxLength = options.maxInstructionsLength ?? 500;
  const form = useForm<Values>({ resolver: zodResolver(schema(maxLength)), defaultValues: { instructions: '', preferredDate: '' } });
  const error = request.error ? toApiError(request.error) : undefined;
  const onSubmit = form.handleSubmit((values) =>
    request.mutate({ instructions: values.instructions || undefined, preferredDate: values.preferredDate || undefined }, { onSuccess: () => form.reset() }),
  );

  return (
    <Card title="Help the next attempt">
      {sent && (
        <Alert tone="success" title="Your request was passed on">
          {sent.preferredDate ? `${sender} will try again on ${dayLabel(sent.preferredDate)}.` : `${sender} and the courier can see your instructions.`}
        </Alert>
      )}
      <form className="stack" onSubmit={onSubmit} noValidate>
        <TextareaField
          label="Instructions for the courier (optional)"
          hint="For example: leave it with the neighbour at number 7. Only the sender and the courier see this."
          maxLength={maxLength}
          rows={3}
          errors={form.formState.errors.instructions?.message ? [form.formState.errors.instructions.message] : undefined}
          {...form.register('instructions')}
        />
        {(options.dates ?? []).length > 0 && (
          <SelectField label="Another day (optional)" {...form.register('preferredDate')}>
            <option value="">Any day</option>
            {(options.dates ?? []).map((date) => (
              <option key={date} value={date}>
                {dayLabel(date)}
              </option>
            ))}
          </SelectField>
        )}
        {error && <Alert tone="danger">{Object.values(error.fieldErrors).flat()[0] ?? error.userMessage}</Alert>}
        <div>
          <Button type="submit" loading={request.isPending}>
            Send to {sender}
          </Button>
        </div>
      </form>
    </Card>
  );
}
