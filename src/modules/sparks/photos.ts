// Photo uploads: the type is decided by the content (never the name or the browser's word),
// and every photo is re-encoded: turned upright, at most 1600 px, flattened onto white (a
// transparent PNG would otherwise turn black in JPEG), with no metadata at all (no
// location, no camera make or model).
import sharp, { type Metadata } from 'sharp';

import { photoChosen, type UploadedPhoto } from '../../platform/photos.js';
import { MAX_UPLOAD_BYTES } from '../../platform/plugins/multipart.js';

export const MAX_PHOTO_SIDE = 1600;
/**
 * The most pixels a photo may have (120 megapixels: a 12000×9000 camera photo fits). sharp
 * refuses larger images to protect the server's memory; the form states the limit.
 */
export const MAX_PHOTO_PIXELS = 120_000_000;
const accepted = new Set(['jpeg', 'png', 'webp']);

export type PhotoResult =
  | { ok: true; data: Buffer; contentType: 'image/jpeg'; width: number; height: number }
  | { ok: false; reason: 'tooLarge' | 'type' | 'tooManyPixels' | 'empty' };

/**
 * Re-encodes an uploaded photo as a JPEG of at most MAX_PHOTO_SIDE px. Refuses (with the
 * reason the form shows): an empty file, more than MAX_UPLOAD_BYTES, more than
 * MAX_PHOTO_PIXELS, or content that is not a JPEG, PNG or WebP image.
 */
export async function processPhoto(input: Buffer): Promise<PhotoResult> {
  if (input.length === 0) return { ok: false, reason: 'empty' };
  if (input.length > MAX_UPLOAD_BYTES) return { ok: false, reason: 'tooLarge' };
  let meta: Metadata;
  try {
    // Reading the header only: no pixels are decoded, so no pixel limit is needed here.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: 'type' };
  }
  if (!meta.format || !accepted.has(meta.format)) return { ok: false, reason: 'type' };
  if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_PHOTO_PIXELS) {
    return { ok: false, reason: 'tooManyPixels' };
  }
  try {
    // sharp drops all metadata unless asked to keep it; rotate() applies the EXIF orientation.
    const { data, info } = await sharp(input, {
      limitInputPixels: MAX_PHOTO_PIXELS,
      sequentialRead: true,
    })
      .rotate()
      .resize({
        width: MAX_PHOTO_SIDE,
        height: MAX_PHOTO_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch {
    return { ok: false, reason: 'type' };
  }
}

/** A photo refused: why (each form has its message for each reason). */
export type PhotoRefusal = Extract<PhotoResult, { ok: false }>['reason'];

/** A re-encoded photo, ready to store. */
export type PreparedPhoto = Extract<PhotoResult, { ok: true }>;

/**
 * An optional upload of a form (see platform/photos.ts) re-encoded by processPhoto: `photo`
 * null when no file was chosen, the photo, or why it was refused (a file cut off at the
 * upload limit is 'tooLarge'). Every module's photo upload goes through here.
 */
export async function preparePhoto(
  upload: UploadedPhoto | undefined,
): Promise<{ ok: true; photo: PreparedPhoto | null } | { ok: false; reason: PhotoRefusal }> {
  if (!photoChosen(upload)) return { ok: true, photo: null };
  if (upload.truncated) return { ok: false, reason: 'tooLarge' };
  const result = await processPhoto(upload.data);
  return result.ok ? { ok: true, photo: result } : result;
}
