// Photos that people attach to what they write (sparks, budget proposals, logbook entries,
// stories): the uploaded file as a form hands it over, what a form asks for an item's photo,
// and the one way a photo is sent back (the column type is in columns.ts). The re-encoding itself is the
// sparks module's (`sparksModule.api.preparePhoto`): the platform imports no module.
import type { FastifyReply } from 'fastify';
import { type FormErrors, textOf } from './forms.js';
import type { Translate } from './i18n/index.js';
import type { UploadedFile } from './plugins/multipart.js';

/** An uploaded photo as the forms hand it over; `chosen`: a file was picked. */
export interface UploadedPhoto {
  data: Buffer;
  /** Cut off at MAX_UPLOAD_BYTES (see plugins/multipart.ts): too large. */
  truncated: boolean;
  chosen: boolean;
}

/**
 * The photo of a multipart form (the field `photo`, see plugins/multipart.ts), or undefined
 * when the form sent none (a browser sends an empty part, `chosen` false, when no file was
 * picked).
 */
export function uploadedPhoto(body: unknown, field = 'photo'): UploadedPhoto | undefined {
  const photo = (body as Record<string, unknown> | undefined)?.[field] as UploadedFile | undefined;
  return photo && Buffer.isBuffer(photo.data)
    ? { data: photo.data, truncated: photo.truncated, chosen: photo.filename !== '' }
    : undefined;
}

/** Whether the person picked a file at all (an empty, unnamed part is no choice). */
export function photoChosen(upload: UploadedPhoto | undefined): upload is UploadedPhoto {
  return upload !== undefined && (upload.chosen || upload.data.length > 0);
}

/**
 * Sends a stored photo. Revalidated on every view (`no-cache`, decision 0009), so a photo
 * whose item is hidden, withdrawn or narrowed stops being served at once; `isPublic` lets a
 * shared cache keep it only when anyone may see it. The content never runs as a page
 * (sandboxed, no sniffing) and is not embedded by other sites.
 */
export function sendPhoto(
  reply: FastifyReply,
  photo: { contentType: string; data: Buffer },
  isPublic: boolean,
): FastifyReply {
  return reply
    .header('content-type', photo.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'inline')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', isPublic ? 'public, no-cache' : 'private, no-cache')
    .header('cross-origin-resource-policy', 'same-origin')
    .send(photo.data);
}

/** The file extension of a stored photo's type, for the person's download. */
export function photoExtension(contentType: string): string {
  const extension: Record<string, string> = {
    'image/jpeg': 'jpg',
    'image/png': 'png',
    'image/webp': 'webp',
  };
  return extension[contentType] ?? 'bin';
}

/** A re-encoded photo, ready to store (from `sparksModule.api.preparePhoto`). */
export interface PhotoToStore {
  data: Buffer;
  contentType: string;
  width: number;
  height: number;
}

/** Why an upload was refused (see sparks' processPhoto); each has a `photo.error.*` message. */
export type PhotoRefusalReason = 'tooLarge' | 'type' | 'tooManyPixels' | 'empty';

/**
 * What a form asks for an item's photo: `keep` the one there is (or none) with this
 * description, `set` a new one (added or replacing), or `remove` it.
 */
export type PhotoChange =
  | { action: 'keep'; description: string }
  | { action: 'set'; photo: PhotoToStore; description: string }
  | { action: 'remove' };

/** The longest description (alt text) of a photo, in characters. */
export const PHOTO_DESCRIPTION_MAX = 200;

/**
 * Reads the photo part of a posted form (PhotoFields: `photo`, `photoDescription`,
 * `removePhoto`) into a PhotoChange. A new file wins over "remove". The description is
 * required whenever a photo will be there (a new one, or the current one kept: `hasCurrent`),
 * since it is the photo's alt text (issue 12, item 14). `prepare` re-encodes the upload
 * (`sparksModule.api.preparePhoto`: the platform imports no module). On a refused file or a
 * missing or too long description: the messages per field (`photo`, `photoDescription`).
 */
export async function readPhotoChange(
  body: unknown,
  options: {
    hasCurrent: boolean;
    t: Translate;
    megapixels: number;
    prepare: (
      upload: UploadedPhoto | undefined,
    ) => Promise<
      { ok: true; photo: PhotoToStore | null } | { ok: false; reason: PhotoRefusalReason }
    >;
  },
): Promise<{ ok: true; change: PhotoChange } | { ok: false; errors: FormErrors }> {
  const { t } = options;
  const fields = (body ?? {}) as Record<string, unknown>;
  const description = (textOf(fields.photoDescription) ?? '').trim();
  const remove = fields.removePhoto === 'on';
  const errors: FormErrors = {};
  const prepared = await options.prepare(uploadedPhoto(body));
  if (!prepared.ok)
    errors.photo = t(`photo.error.${prepared.reason}`, { megapixels: options.megapixels });
  const photo = prepared.ok ? prepared.photo : null;
  const willHavePhoto = !prepared.ok || photo !== null || (options.hasCurrent && !remove);
  const field = t('photo.name.description');
  if (description.length > PHOTO_DESCRIPTION_MAX)
    errors.photoDescription = t('form.named.tooLong', { max: PHOTO_DESCRIPTION_MAX, field });
  else if (willHavePhoto && description === '')
    errors.photoDescription = t('photo.error.descriptionRequired');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (photo) return { ok: true, change: { action: 'set', photo, description } };
  if (remove) return { ok: true, change: { action: 'remove' } };
  return { ok: true, change: { action: 'keep', description } };
}
