import { useNavigate, useParams } from 'react-router';
import { PublicLayout } from '@/components/layouts/public-layout';
import { Card } from '@/components/ui/card';
import { TrackingLookup } from '@/features/tracking/components/tracking-lookup';
import { TrackingView } from '@/features/tracking/components/tracking-view';
import { LiveUpdatesProvider } from '@/lib/live-updates-provider';

export default function TrackRoute() {
  const { trackingCode = '' } = useParams();
  const navigate = useNavigate();
  const lookup = (code: string) => navigate(`/track/${encodeURIComponent(code)}`);

  if (!trackingCode) {
    return (
      <PublicLayout wide>
        <h1>Track your parcel</h1>
        <Card>
          <TrackingLookup onLookup={lookup} />
        </Card>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout wide>
      {/* An anonymous live connection that follows this code: the page changes as the parcel moves. */}
      <LiveUpdatesProvider>
        {/* The view's heading is the merchant's name: the page is about the customer's order from that shop. */}
        <TrackingView key={trackingCode} trackingCode={trackingCode} />
        <Card title="Track another parcel">
          <TrackingLookup onLookup={lookup} />
        </Card>
      </LiveUpdatesProvider>
    </PublicLayout>
  );
}
