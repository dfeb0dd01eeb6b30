import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useToast } from '@/components/ui/toast/use-toast';
import type { ProofOfDeliverySettingsDto } from '@/lib/api/generated';
import { useProofSettings, useSaveProofSettings } from '../api/use-proof-settings';
import formStyles from '@/components/ui/form.module.css';

const requirement = z.enum(['Off', 'Optional', 'Required']);
const schema = z.object({
  photo: requirement,
  signature: requirement,
  recipientName: requirement,
  position: z.enum(['Off', 'Optional']),
  showPhotoOnTracking: z.boolean(),
});
type ProofSettingsForm = z.infer<typeof schema>;

const parts = [
  { name: 'photo', label: 'Photo of the parcel at the door' },
  { name: 'signature', label: "Recipient's signature" },
  { name: 'recipientName', label: 'Name of the person who took it' },
  { name: 'position', label: "Courier's position at the door" },
] as const;

const choices = { Off: 'Not asked', Optional: 'Asked', Required: 'Required to deliver' } as const;

function toForm(settings: ProofOfDeliverySettingsDto): ProofSettingsForm {
  const r = settings.requirements;
  return {
    photo: r?.photo ?? 'Optional',
    signature: r?.signature ?? 'Optional',
    recipientName: r?.recipientName ?? 'Optional',
    position: r?.position === 'Off' ? 'Off' : 'Optional',
    showPhotoOnTracking: settings.showPhotoOnTracking ?? false,
  };
}

function ProofSettingsFields({ merchantId, settings }: { merchantId: string; settings: ProofOfDeliverySettingsDto }) {
  const save = useSaveProofSettings(merchantId);
  const toast = useToast();
  const { register, handleSubmit } = useForm<ProofSettingsForm>({ resolver: zodResolver(schema), defaultValues: toForm(settings) });
  return (
    <form
      className="stack"
      noValidate
      onSubmit={handleSubmit((form) => save.mutate(form, { onSuccess: () => toast('Proof of delivery settings saved.') }))}
    >
      {save.error && <Alert tone="danger">{save.error.message}</Alert>}
      {parts.map((part) => (
        <div className={formStyles.field} key={part.name}>
          <label htmlFor={`proof-${part.name}`}>{part.label}</label>
          <select id={`proof-${part.name}`} className={formStyles.select} {...register(part.name)}>
            {(part.name === 'position' ? (['Off', 'Optional'] as const) : (['Off', 'Optional', 'Required'] as const)).map((choice) => (
              <option key={choice} value={choice}>
                {choices[choice]}
              </option>
            ))}
          </select>
        </div>
      ))}
      <label className={formStyles.chip}>
        <input type="checkbox" {...register('showPhotoOnTracking')} />
        Show the delivery photo to the customer on the tracking page
      </label>
      <div>
        <Button type="submit" loading={save.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}

/** What couriers capture when they deliver this merchant's orders, and whether customers see the photo. */
export function ProofSettings({ merchantId }: { merchantId: string }) {
  const settings = useProofSettings(merchantId);
  return (
    <Card title="Proof of delivery">
      <p className="muted">
        Couriers capture these at the door, even without a signal. The customer's tracking page says who took the parcel and whether they
        signed.
      </p>
      {settings.isPending ? (
        <LoadingState label="Loading the settings…" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} title="Could not load the settings" onRetry={() => settings.refetch()} />
      ) : (
        <ProofSettingsFields merchantId={merchantId} settings={settings.data} />
      )}
    </Card>
  );
}
