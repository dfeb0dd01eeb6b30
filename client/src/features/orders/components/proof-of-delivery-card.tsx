import { Card } from '@/components/ui/card';
import { formatDateTime, sentLater } from '@/lib/format';
import { useProofImage, useProofOfDelivery } from '../api/use-proof-of-delivery';
import facts from '@/components/ui/facts.module.css';

/** What was captured at the door, for the merchant, an admin (and the API's partner): name, photo, signature, position. */
export function ProofOfDeliveryCard({ orderId }: { orderId: string }) {
  const proof = useProofOfDelivery(orderId, true).data?.proof;
  const photo = useProofImage(orderId, 'photo', !!proof?.hasPhoto);
  const signature = useProofImage(orderId, 'signature', !!proof?.hasSignature);
  if (!proof) return null;
  return (
    <Card title="Proof of delivery">
      <dl className={facts.facts}>
        <dt>Received by</dt>
        <dd>{proof.recipientName ?? '—'}</dd>
        <dt>Delivered</dt>
        <dd>
          {formatDateTime(proof.capturedAt ?? proof.recordedAt)}
          {sentLater(proof.capturedAt, proof.recordedAt) && `, sent ${formatDateTime(proof.recordedAt)}`}
        </dd>
        {proof.latitude != null && proof.longitude != null && (
          <>
            <dt>Position at the door</dt>
            <dd>
              <a
                href={`https://www.openstreetmap.org/?mlat=${proof.latitude}&mlon=${proof.longitude}#map=18/${proof.latitude}/${proof.longitude}`}
                target="_blank"
                rel="noreferrer"
              >
                {proof.latitude.toFixed(5)}, {proof.longitude.toFixed(5)}
              </a>
              {proof.accuracyMeters != null && ` (within ${Math.round(proof.accuracyMeters)} m)`}
            </dd>
          </>
        )}
      </dl>
      {photo && <img src={photo} alt="The parcel at the door" style={{ maxWidth: '100%', maxHeight: 320, objectFit: 'contain' }} />}
      {signature && (
        <img src={signature} alt="The recipient's signature" style={{ maxWidth: 320, width: '100%', background: 'var(--color-surface)' }} />
      )}
      {proof.filesRemovedAt && (
        <p className="muted small">
          The photo and signature were removed on {formatDateTime(proof.filesRemovedAt)}, after the retention period.
        </p>
      )}
      {!proof.filesRemovedAt && proof.photoTaken === false && proof.recipientSigned === false && (
        <p className="muted small">No photo or signature was taken.</p>
      )}
    </Card>
  );
}
