/** The longest side of a photo the app sends: enough to read a door number, a fraction of a phone camera's size. */
export const maxPhotoSide = 1600;

/**
 * A phone photo made at most {@link maxPhotoSide} pixels on its longer side and encoded as JPEG on the device, so the
 * upload is small enough for a weak signal (a 12-megapixel photo of 4 MB becomes about 300 KB). The browser applies
 * the EXIF orientation while decoding; the server strips whatever metadata is left.
 */
export async function downscalePhoto(file: Blob, quality = 0.85): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, maxPhotoSide / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded.'))), 'image/jpeg', quality),
  );
}
