// What the administration's routes share: their dependencies, the access check of every
// /beheer page, who is acting (for the audit log), and the object named by an id in the URL.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../platform/access.js';
import { type FormErrors, fieldMessage } from '../../../platform/forms.js';
import { isMessageKey, type Translate } from '../../../platform/i18n/index.js';
import type { ModuleContext } from '../../../platform/module.js';
import type { AdminOrigin, PeopleService } from '../../people/index.js';
import { can } from '../policy.js';
import type { AdminService } from '../service.js';

export interface AdminDeps {
  context: ModuleContext;
  service: AdminService;
  people: PeopleService;
}

export const checked = { config: { policy: 'check' as const } };

/** Every /beheer page: platform administrators only (403 for everyone else, audited). */
export async function requireAdmin(request: FastifyRequest): Promise<AdminOrigin> {
  await request.authorize(can(request.actor, 'admin.manage'), {
    action: 'admin.manage',
    status: 403,
  });
  return { actorId: request.actor!.personId, origin: request.ip };
}

/** The object with the id in URL parameter `param`, or a 404 (audited). */
export async function findOr404<T>(
  request: FastifyRequest,
  param: string,
  find: (id: number) => Promise<T | undefined>,
  objectType: string,
): Promise<T & {}> {
  const raw = (request.params as Record<string, string | undefined>)[param];
  const parsed = idParam.safeParse(raw);
  const found = parsed.success ? await find(parsed.data) : undefined;
  if (found === undefined || found === null) {
    return request.deny({
      action: 'admin.manage',
      objectType,
      objectId: String(raw ?? '').slice(0, 40),
      status: 404,
    });
  }
  return found;
}

/** Catalogue keys of a failed save, translated; with the form's schema, naming their fields. */
export function translateErrors(
  t: Translate,
  errors: Record<string, string>,
  schema?: z.ZodTypeAny,
): FormErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, key]) => [
      field,
      schema
        ? fieldMessage(schema, field, isMessageKey(key) ? key : 'form.invalid', t)
        : isMessageKey(key)
          ? t(key)
          : t('form.invalid'),
    ]),
  );
}

/** A select field's value: a database id, or the message to choose one. */
export const idField = z
  .string({ message: 'form.choose' })
  .regex(/^\d{1,9}$/, 'form.choose')
  .transform(Number);

/** A group of checkboxes: none, one or several ids. */
export const idList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z
        .string()
        .regex(/^\d{1,9}$/, 'form.choose')
        .transform(Number),
    )
    .max(500),
);

/** A checkbox: 'on' when ticked. */
export const tick = z
  .literal('on')
  .optional()
  .transform((v) => v === 'on');
