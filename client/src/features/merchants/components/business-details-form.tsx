import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useToast } from '@/components/ui/toast/use-toast';
import type { MerchantProfileDto } from '@/lib/api/generated';
import { fieldMessages, toApiError } from '@/lib/errors';
import { useSaveMerchantProfile } from '../api/use-merchant-profile';
import formStyles from '@/components/ui/form.module.css';

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Business name and public contact: what the merchant's customers see as the sender on the tracking page. */
export function BusinessDetailsForm({ merchantId, profile }: { merchantId: string; profile?: MerchantProfileDto }) {
  const save = useSaveMerchantProfile(merchantId);
  const toast = useToast();
  const [businessName, setBusinessName] = useState(profile?.businessName ?? '');
  const [contactPhone, setContactPhone] = useState(profile?.contactPhone ?? '');
  const [contactEmail, setContactEmail] = useState(profile?.contactEmail ?? '');
  const error = save.error ? toApiError(save.error) : undefined;
  const err = (path: string) => fieldMessages(error?.fieldErrors, path);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { businessName: businessName.trim(), contactPhone: optional(contactPhone), contactEmail: optional(contactEmail) },
      { onSuccess: () => toast('Business details saved.') },
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="Business details">
      {error && error.kind !== 'validation' && <Alert tone="danger">{error.userMessage}</Alert>}
      <div className={formStyles.grid}>
        <TextField
          label="Business name"
          value={businessName}
          onChange={(e) => setBusinessName(e.target.value)}
          errors={err('businessName')}
        />
        <TextField
          label="Public phone"
          type="tel"
          hint="Shown to your customers. Give a phone, an email or both."
          value={contactPhone}
          onChange={(e) => setContactPhone(e.target.value)}
          errors={err('contactPhone')}
        />
        <TextField
          label="Public email"
          type="email"
          value={contactEmail}
          onChange={(e) => setContactEmail(e.target.value)}
          errors={err('contactEmail')}
        />
      </div>
      <div className="row">
        <Button type="submit" loading={save.isPending}>
          {profile ? 'Save business details' : 'Create business profile'}
        </Button>
      </div>
    </form>
  );
}
