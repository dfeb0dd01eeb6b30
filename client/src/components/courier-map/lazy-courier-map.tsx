import { lazy, Suspense } from 'react';
import { useMapSettings } from '@/lib/use-map-settings';
import type { CourierMapProps, MapPoint } from './courier-map-props';
import styles from './courier-map.module.css';

// Leaflet and its styles are a chunk of their own: a page shows a map only while a parcel is out for delivery, and the
// tracking page's first load stays within its budget (e2e/budget.spec.ts).
const CourierMap = lazy(() => import('./courier-map'));

export interface LazyCourierMapProps {
  courier?: MapPoint & { accuracy: number; recordedAt?: string };
  destination?: MapPoint;
  /** How the legend names the destination ("Your area" where it is shown roughly). */
  destinationLabel?: string;
  label: string;
}

/** The courier (and the destination, where known) on a map, loaded on demand; a plain note while it loads or without tiles settings. */
export function LazyCourierMap({ courier, destination, destinationLabel = 'Destination', label }: LazyCourierMapProps) {
  const settings = useMapSettings();
  const placeholder = (text: string) => (
    <div className={styles.map}>
      <p className={styles.placeholder}>{text}</p>
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
      <Suspense fallback={placeholder('Loading the map…')}>
        <CourierMap courier={courier} destination={destination} tiles={tiles} label={label} />
      </Suspense>
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
