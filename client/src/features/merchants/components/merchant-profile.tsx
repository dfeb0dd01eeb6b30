import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { toApiError } from '@/lib/errors';
import { useMerchantProfile } from '../api/use-merchant-profile';
import { BusinessDetailsForm } from './business-details-form';
import { PickupLocations } from './pickup-locations';

/** A merchant's business details and pickup locations; a merchant without a profile starts with the details. */
export function MerchantProfile({ merchantId }: { merchantId: string }) {
  const profile = useMerchantProfile(merchantId);
  if (profile.isPending) return <LoadingState label="Loading the business profile…" />;
  const missing = profile.isError && toApiError(profile.error).kind === 'not-found';
  if (profile.isError && !missing) {
    return <ErrorState error={profile.error} title="Could not load the business profile" onRetry={() => profile.refetch()} />;
  }

  const data = profile.data;
  return (
    <div className="stack">
      <Card title="Business details">
        {missing && <p className="muted">Set up how your customers see you: your business name and a phone or email they can use.</p>}
        <BusinessDetailsForm key={data ? 'saved' : 'new'} merchantId={merchantId} profile={data} />
      </Card>
      <Card title="Pickup locations">
        {data ? (
          <PickupLocations profile={data} />
        ) : (
          <p className="muted">Save the business details first, then add where couriers collect.</p>
        )}
      </Card>
    </div>
  );
}
