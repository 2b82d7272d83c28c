// The fields of places, networks and organisations, as the /beheer forms and the CSV import
// check them: one set of rules, so a row that the import accepts is one a form accepts too.
// Messages are catalogue keys (see platform/forms.ts).
import { z } from 'zod';
import type { AreaKind, OrganisationType } from '../network/index.js';

export const areaKinds = ['wijk', 'buurt', 'kern', 'dorp'] as const satisfies readonly AreaKind[];
export const organisationTypes = [
  'municipality',
  'welfare',
  'housing',
  'care',
  'education',
  'police',
  'residents_organisation',
  'resident_initiative',
  'other',
] as const satisfies readonly OrganisationType[];

/** A name of a place, network or organisation. */
export const nameField = z
  .string()
  .trim()
  .min(1, 'form.required')
  .max(100, 'form.tooLong|max=100')
  .describe('admin.name.name');

/** A slug: lower-case letters, digits and single hyphens (it becomes part of an address). */
export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'form.required')
  .max(60, 'form.tooLong|max=60')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'admin.slug.invalid')
  .describe('admin.name.slug');

/** An optional text: empty becomes null. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `form.tooLong|max=${max}`)
    .optional()
    .transform((v) => (v ? v : null));

export const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, 'form.tooLong|max=200')
  .optional()
  .refine((v) => !v || z.string().email().safeParse(v).success, 'form.email')
  .transform((v) => (v ? v : null))
  .describe('admin.name.contactEmail');

export const optionalPhone = z
  .string()
  .trim()
  .max(30, 'form.tooLong|max=30')
  .optional()
  .refine((v) => !v || /^\+?[0-9 ()-]{6,30}$/.test(v), 'admin.phone.invalid')
  .transform((v) => (v ? v : null))
  .describe('admin.name.contactPhone');

export const optionalWebsite = z
  .string()
  .trim()
  .max(200, 'form.tooLong|max=200')
  .optional()
  .refine((v) => !v || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), 'admin.website.invalid')
  .transform((v) => (v ? v : null))
  .describe('admin.name.website');

export const networkTextFields = {
  name: nameField,
  description: z
    .string()
    .trim()
    .max(2000, 'form.tooLong|max=2000')
    .optional()
    .transform((v) => v ?? '')
    .describe('admin.name.description'),
  contactEmail: optionalEmail,
  contactPhone: optionalPhone,
  contactAddress: optionalText(200).describe('admin.name.contactAddress'),
};

export const areaKindField = z
  .enum(areaKinds, { message: 'admin.kind.invalid' })
  .describe('admin.name.kind');
export const organisationTypeField = z
  .enum(organisationTypes, { message: 'form.choose' })
  .describe('admin.name.organisationType');
