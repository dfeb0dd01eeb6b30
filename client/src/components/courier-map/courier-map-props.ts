export interface MapPoint {
  latitude: number;
  longitude: number;
}

export interface CourierMapProps {
  courier?: MapPoint & { accuracy: number };
  destination?: MapPoint;
  tiles: { tileUrl: string; attribution: string; maxZoom: number };
  /** What the map shows, for screen readers. */
  label: string;
}
