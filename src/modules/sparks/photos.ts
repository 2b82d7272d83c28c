// Photo uploads: the type is decided by the content (never the name or the browser's word),
// and every photo is re-encoded: turned upright, at most 1600 px, with no metadata at all
// (no location, no camera make or model).
import sharp from 'sharp';

import { MAX_UPLOAD_BYTES } from '../../platform/plugins/multipart.js';
export const MAX_PHOTO_SIDE = 1600;
const accepted = new Set(['jpeg', 'png', 'webp']);

export type PhotoResult =
  | { ok: true; data: Buffer; contentType: 'image/jpeg'; width: number; height: number }
  | { ok: false; reason: 'tooLarge' | 'type' };

export async function processPhoto(input: Buffer): Promise<PhotoResult> {
  if (input.length > MAX_UPLOAD_BYTES) return { ok: false, reason: 'tooLarge' };
  let format: string | undefined;
  try {
    const meta = await sharp(input, { limitInputPixels: 50_000_000 }).metadata();
    format = meta.format;
  } catch {
    return { ok: false, reason: 'type' };
  }
  if (!format || !accepted.has(format)) return { ok: false, reason: 'type' };
  try {
    // sharp drops all metadata unless asked to keep it; rotate() applies the EXIF orientation.
    const { data, info } = await sharp(input, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({
        width: MAX_PHOTO_SIDE,
        height: MAX_PHOTO_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, data, contentType: 'image/jpeg', width: info.width, height: info.height };
  } catch {
    return { ok: false, reason: 'type' };
  }
}
