import { useNavigate, useParams } from 'react-router';
import { PublicLayout } from '@/components/layouts/public-layout';
import { Card } from '@/components/ui/card';
import { TrackingLookup } from '@/features/tracking/components/tracking-lookup';
import { TrackingView } from '@/features/tracking/components/tracking-view';

export default function TrackRoute() {
  const { trackingCode = '' } = useParams();
  const navigate = useNavigate();
  const lookup = (code: string) => navigate(`/track/${encodeURIComponent(code)}`);

  return (
    <PublicLayout wide>
      <h1>Track your parcel</h1>
      {trackingCode ? (
        <>
          <TrackingView key={trackingCode} trackingCode={trackingCode} />
          <Card title="Track another parcel">
            <TrackingLookup onLookup={lookup} />
          </Card>
        </>
      ) : (
        <Card>
          <TrackingLookup onLookup={lookup} />
        </Card>
      )}
    </PublicLayout>
  );
}
