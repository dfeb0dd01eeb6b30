import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { Button } from '@/components/ui/button';
import styles from './courier.module.css';
import formStyles from '@/components/ui/form.module.css';

export interface SignatureFieldProps {
  label: string;
  error?: string;
  /** Called with the drawing as a PNG after each stroke, or null once cleared. */
  onChange: (signature: Blob | null) => void;
}

/** A box to sign in with a finger (signature_pad), exported as a PNG on a transparent background. */
export function SignatureField({ label, error, onChange }: SignatureFieldProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  });

  useEffect(() => {
    const canvas = canvasRef.current!;
    // Drawn at the screen's pixel density, so the lines stay sharp on a phone.
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')!.scale(ratio, ratio);
    const pad = new SignaturePad(canvas, { penColor: '#111827' });
    pad.addEventListener('endStroke', () => canvas.toBlob((blob) => changed.current(blob), 'image/png'));
    padRef.current = pad;
    return () => pad.off();
  }, []);

  return (
    <div className={formStyles.field}>
      <span id="signature-label">{label}</span>
      <canvas ref={canvasRef} className={styles.signature} role="img" aria-labelledby="signature-label" data-testid="signature-pad" />
      <div className="row-between">
        {error ? <span className={formStyles.error}>{error}</span> : <span className="muted small">Sign with a finger in the box.</span>}
        <Button
          variant="ghost"
          onClick={() => {
            padRef.current?.clear();
            changed.current(null);
          }}
        >
          Clear signature
        </Button>
      </div>
    </div>
  );
}
