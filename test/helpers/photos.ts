// Photo files for upload tests: a plain JPEG of a given size, one whose header claims too
// many pixels, one over the upload limit, and a file that is no image at all.
import sharp from 'sharp';
import { MAX_UPLOAD_BYTES } from '#src/platform/plugins/multipart.js';
import type { Field } from './multipart.js';

/** A JPEG of `width`×`height` pixels in one colour, as an upload field. */
export async function jpegField(width: number, height: number, name = 'foto.jpg'): Promise<Field> {
  const data = await sharp({ create: { width, height, channels: 3, background: '#3080e0' } })
    .jpeg()
    .toBuffer();
  return { filename: name, contentType: 'image/jpeg', data };
}

/** A small JPEG whose header says 12000×12000 (144 megapixels: over the limit). */
export async function tooManyPixelsField(): Promise<Field> {
  const data = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#fff' } })
    .jpeg({ progressive: false })
    .toBuffer();
  const sof = data.indexOf(Buffer.from([0xff, 0xc0]));
  data.writeUInt16BE(12000, sof + 5);
  data.writeUInt16BE(12000, sof + 7);
  return { filename: 'veel.jpg', contentType: 'image/jpeg', data };
}

/** A file one byte over the upload limit (cut off by the multipart plugin). */
export function tooLargeField(): Field {
  return {
    filename: 'groot.jpg',
    contentType: 'image/jpeg',
    data: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 1),
  };
}

/** A text file posing as a photo. */
export function notAPhotoField(): Field {
  return { filename: 'brief.jpg', contentType: 'image/jpeg', data: Buffer.from('Beste buren,') };
}
