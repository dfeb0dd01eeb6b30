import type { DeliveryAddressDto } from '@/lib/api/generated';

/**
 * An address on its lines, with a link that opens it on OpenStreetMap's search (a link only: nothing is sent to a
 * map service unless the person follows it).
 */
export function PostalAddress({ address, mapUrl, place }: { address: DeliveryAddressDto; mapUrl?: string; place: string }) {
  return (
    <>
      <address style={{ fontStyle: 'normal' }}>
        {address.line1}
        <br />
        {address.line2 && (
          <>
            {address.line2}
            <br />
          </>
        )}
        {address.postalCode} {address.city}
        <br />
        {address.country}
      </address>
      {mapUrl && <MapLink href={mapUrl} place={place} />}
    </>
  );
}

export function MapLink({ href, place }: { href: string; place: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="small">
      Open in map<span className="visually-hidden"> ({place}, OpenStreetMap, new tab)</span>
    </a>
  );
}
