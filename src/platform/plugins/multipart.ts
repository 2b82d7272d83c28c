// Multipart forms (photo uploads). The fields, with the CSRF token, are on request.body
// before the CSRF check runs; a file over the limit is cut off and marked `truncated`, so the
// form can say why instead of failing.
import fastifyMultipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** The largest upload, in bytes (10 MB): photos are re-encoded smaller anyway. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** An uploaded file as forms receive it in request.body. */
export interface UploadedFile {
  data: Buffer;
  truncated: boolean;
  /** The file's name as sent ('' when the person chose no file: browsers send an empty part). */
  filename: string;
}

export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 10_000 },
    async onFile(part: MultipartFile) {
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      (part as unknown as { value: UploadedFile }).value = {
        data: Buffer.concat(chunks),
        truncated: part.file.truncated,
        filename: typeof part.filename === 'string' ? part.filename : '',
      };
    },
  });
}
