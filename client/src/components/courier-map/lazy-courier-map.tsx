import { Suspense, use, type ComponentType, type ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import 'leaflet/dist/leaflet.css';
import { Button } from '@/components/ui/button';
import { useOnline } from '@/lib/offline/use-online';
import { useMapSettings } from '@/lib/use-map-settings';
import type { CourierMapProps, MapPoint } from './courier-map-props';
import styles from './courier-map.module.css';

// Leaflet's code is a chunk of its own: a page shows a map only while a parcel is out for delivery, and the tracking
// page's first load stays within its budget (e2e/budget.spec.ts). Its styles (4 KB gzipped) come with this component
// instead: a stylesheet that failed to load is never asked for again, a module is. A load that failed (the signal
// dropped before the chunk arrived) is kept until the map tries again, so React can show the failure.
let loading: Promise<{ default: ComponentType<CourierMapProps> }> | undefined;
function loadCourierMap() {
  loading ??= import('./courier-map');
  return loading;
}

function tryAgain() {
  loading = undefined;
}

function LoadedCourierMap(props: CourierMapProps) {
  const { default: CourierMap } = use(loadCourierMap());
  return <CourierMap {...props} />;
}

export interface LazyCourierMapProps {
  courier?: MapPoint & { accuracy: number; recordedAt?: string };
  destination?: MapPoint;
  /** How the legend names the destination ("Your area" where it is shown roughly). */
  destinationLabel?: string;
  label: string;
}

/**
 * The courier (and the destination, where known) on a map, loaded on demand; a plain note while it loads, without
 * tiles settings, or when the map's code could not be fetched. That last failure stays inside the map's box (the rest
 * of the page keeps working) and the map is tried again when the browser is back online, or at the reader's asking.
 */
export function LazyCourierMap({ courier, destination, destinationLabel = 'Destination', label }: LazyCourierMapProps) {
  const settings = useMapSettings();
  const online = useOnline();
  const placeholder = (text: string, action?: ReactNode) => (
    <div className={styles.map}>
      <div className={styles.placeholder}>
        <p>{text}</p>
        {action}
      </div>
    </div>
  );
  if (settings.isError) return placeholder('The map is not available right now.');
  if (!settings.data) return placeholder('Loading the map…');
  const tiles: CourierMapProps['tiles'] = {
    tileUrl: settings.data.tileUrl!,
    attribution: settings.data.attribution!,
    maxZoom: settings.data.maxZoom ?? 19,
  };
  return (
    <div>
      <ErrorBoundary
        resetKeys={[online]}
        onReset={tryAgain}
        fallbackRender={({ resetErrorBoundary }) =>
          placeholder(
            online ? 'The map could not load.' : 'The map could not load. It will try again when you are back online.',
            <Button variant="secondary" onClick={resetErrorBoundary}>
              Try again
            </Button>,
          )
        }
      >
        <Suspense fallback={placeholder('Loading the map…')}>
          <LoadedCourierMap courier={courier} destination={destination} tiles={tiles} label={label} />
        </Suspense>
      </ErrorBoundary>
      <p className={styles.legend}>
        {courier && (
          <span>
            <span className={`${styles.swatch} ${styles.courier}`} aria-hidden="true" />
            Courier
          </span>
        )}
        {destination && (
          <span>
            <span className={`${styles.swatch} ${styles.destination}`} aria-hidden="true" />
            {destinationLabel}
          </span>
        )}
      </p>
    </div>
  );
}
