import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import type { ProofRequirementsDto } from '@/lib/api/generated';
import type { DoorPosition } from '../outbox/outbox-store';
import { downscalePhoto } from '../utils/downscale-photo';
import { SignatureField } from './signature-field';
import styles from './courier.module.css';
import dialogStyles from '@/components/ui/dialog.module.css';
import formStyles from '@/components/ui/form.module.css';

export interface ProofOfDelivery {
  recipientName?: string;
  note?: string;
  photo?: Blob;
  signature?: Blob;
  position?: DoorPosition;
}

const anyOptional: ProofRequirementsDto = { photo: 'Optional', signature: 'Optional', recipientName: 'Optional', position: 'Optional' };

function proofSchema(requirements: ProofRequirementsDto) {
  const blob = (required: boolean, message: string) =>
    required ? z.custom<Blob>((value) => value instanceof Blob, message) : z.custom<Blob>((value) => value instanceof Blob).optional();
  return z.object({
    recipientName:
      requirements.recipientName === 'Required'
        ? z.string().trim().min(1, 'Enter the name of the person who took the parcel.').max(200, 'At most 200 characters.')
        : z.string().trim().max(200, 'At most 200 characters.'),
    note: z.string().trim().max(2000, 'At most 2 000 characters.'),
    photo: blob(requirements.photo === 'Required', 'Take a photo of the parcel at the door.'),
    signature: blob(requirements.signature === 'Required', 'Ask the recipient to sign in the box.'),
    sharePosition: z.boolean(),
  });
}

type ProofForm = z.infer<ReturnType<typeof proofSchema>>;

/** The device's position now, if the courier's phone shares it within a few seconds; otherwise none. */
function positionAtTheDoor(): Promise<DoorPosition | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => resolve({ latitude: coords.latitude, longitude: coords.longitude, accuracy: coords.accuracy }),
      () => resolve(undefined),
      { enableHighAccuracy: true, timeout: 8000, maximumAge: 60_000 },
    ),
  );
}

/**
 * "Mark delivered" with its proof, as the order's merchant asks for it: a photo from the phone's camera (made
 * smaller on the device), a signature drawn on the screen, who took the parcel and, if the courier lets the app,
 * the position at the door. Nothing here needs a network: the delivery goes into the outbox.
 */
export function ProofOfDeliveryDialog({
  open,
  requirements = anyOptional,
  onConfirm,
  onClose,
}: {
  open: boolean;
  requirements?: ProofRequirementsDto;
  onConfirm: (proof: ProofOfDelivery) => Promise<void> | void;
  onClose: () => void;
}) {
  const schema = useMemo(() => proofSchema(requirements), [requirements]);
  const { register, control, handleSubmit, setValue, formState } = useForm<ProofForm>({
    resolver: zodResolver(schema),
    defaultValues: { recipientName: '', note: '', sharePosition: requirements.position !== 'Off' },
  });
  const [preview, setPreview] = useState<string>();
  const [photoProblem, setPhotoProblem] = useState<string>();
  const photoId = useId();
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  // The position is asked for as the dialog opens, so it is known by the time the photo and the signature are taken
  // and the courier does not wait for the phone at the door; a position refused or not found in time is left out.
  const position = useMemo(
    () => (open && requirements.position !== 'Off' ? positionAtTheDoor() : undefined),
    [open, requirements.position],
  );

  async function takePhoto(file: File | undefined) {
    setPhotoProblem(undefined);
    if (!file) return;
    try {
      const photo = await downscalePhoto(file);
      setValue('photo', photo, { shouldValidate: true });
      setPreview(URL.createObjectURL(photo));
    } catch {
      setPhotoProblem('That photo could not be read. Take it again.');
    }
  }

  const submit = handleSubmit(async ({ recipientName, note, photo, signature, sharePosition }) => {
    const atTheDoor = sharePosition && requirements.position !== 'Off' ? await (position ?? positionAtTheDoor()) : undefined;
    await onConfirm({ recipientName: recipientName || undefined, note: note || undefined, photo, signature, position: atTheDoor });
  });

  const errors = formState.errors;
  const photoError = photoProblem ?? errors.photo?.message;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Confirm delivery"
      description="Works without a signal: it is sent as soon as there is one."
    >
      <form className="stack" onSubmit={submit} noValidate>
        {requirements.photo !== 'Off' && (
          <div className={formStyles.field}>
            <label htmlFor={photoId}>{requirements.photo === 'Required' ? 'Photo of the parcel' : 'Photo of the parcel (optional)'}</label>
            <input
              id={photoId}
              type="file"
              accept="image/*"
              capture="environment"
              className={styles.photoInput}
              aria-invalid={!!photoError || undefined}
              onChange={(event) => void takePhoto(event.target.files?.[0])}
            />
            {preview && <img src={preview} alt="The parcel at the door, as it will be sent" className={styles.photoPreview} />}
            {photoError && <span className={formStyles.error}>{photoError}</span>}
          </div>
        )}
        {requirements.signature !== 'Off' && (
          <Controller
            control={control}
            name="signature"
            render={({ field }) => (
              <SignatureField
                label={requirements.signature === 'Required' ? "Recipient's signature" : "Recipient's signature (optional)"}
                error={errors.signature?.message}
                onChange={(signature) => field.onChange(signature ?? undefined)}
              />
            )}
          />
        )}
        {requirements.recipientName !== 'Off' && (
          <TextField
            label={requirements.recipientName === 'Required' ? 'Received by' : 'Received by (optional)'}
            autoComplete="off"
            errors={errors.recipientName?.message ? [errors.recipientName.message] : undefined}
            {...register('recipientName')}
          />
        )}
        <TextareaField label="Note (optional)" errors={errors.note?.message ? [errors.note.message] : undefined} {...register('note')} />
        {requirements.position !== 'Off' && (
          <label className={formStyles.chip}>
            <input type="checkbox" {...register('sharePosition')} />
            Add my position at the door
          </label>
        )}
        <div className={dialogStyles.actions}>
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            Mark delivered
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
