import { useEffect } from 'react';
import { Circle, CircleMarker, MapContainer, Rectangle, TileLayer, useMap } from 'react-leaflet';
import type { LatLngBoundsExpression, LatLngExpression } from 'leaflet';
import styles from './courier-map.module.css';
import type { CourierMapProps } from './courier-map-props';

/** About 100 m either side: how roughly a public page may show where a parcel goes. */
const destinationHalfSide = 0.0005;

/** Keeps both points in view as the courier moves, without jumping when only one is known. */
function FollowPoints({ points }: { points: [number, number][] }) {
  const map = useMap();
  const key = points.map((p) => p.join(',')).join(';');
  useEffect(() => {
    if (points.length === 1) map.setView(points[0], Math.max(map.getZoom(), 15), { animate: true });
    else if (points.length > 1) map.fitBounds(points as LatLngBoundsExpression, { padding: [32, 32], maxZoom: 16, animate: true });
    // The key carries the points; the array itself is new on every render.
  }, [map, key]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}

/**
 * The Leaflet map itself, loaded on demand (see LazyCourierMap): raster tiles from the configured server with its
 * attribution, the courier as a blue dot with its accuracy circle, and the destination as a green square.
 */
export default function CourierMap({ courier, destination, tiles, label }: CourierMapProps) {
  const courierPoint: [number, number] | undefined = courier ? [courier.latitude, courier.longitude] : undefined;
  const destinationPoint: [number, number] | undefined = destination ? [destination.latitude, destination.longitude] : undefined;
  const points = [courierPoint, destinationPoint].filter((p): p is [number, number] => !!p);
  const center: LatLngExpression = points[0] ?? [0, 0];
  return (
    <div
      className={styles.map}
      role="region"
      aria-label={label}
      data-courier-latitude={courier?.latitude}
      data-courier-longitude={courier?.longitude}
    >
      <MapContainer center={center} zoom={15} className={styles.container} scrollWheelZoom={false} attributionControl>
        <TileLayer url={tiles.tileUrl} attribution={tiles.attribution} maxZoom={tiles.maxZoom} />
        {destinationPoint && (
          <Rectangle
            bounds={[
              [destinationPoint[0] - destinationHalfSide, destinationPoint[1] - destinationHalfSide],
              [destinationPoint[0] + destinationHalfSide, destinationPoint[1] + destinationHalfSide],
            ]}
            pathOptions={{ color: '#166534', weight: 2, fillOpacity: 0.25 }}
          />
        )}
        {courier && courierPoint && (
          <>
            <Circle center={courierPoint} radius={courier.accuracy} pathOptions={{ color: '#1d4ed8', weight: 1, fillOpacity: 0.1 }} />
            <CircleMarker center={courierPoint} radius={8} pathOptions={{ color: '#ffffff', weight: 3, fillColor: '#1d4ed8', fillOpacity: 1 }} />
          </>
        )}
        <FollowPoints points={points} />
      </MapContainer>
    </div>
  );
}
