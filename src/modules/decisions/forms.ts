// The decision forms: their schemas (messages are catalogue keys naming the field) and a
// stored decision's fields as the form shows them.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FormValues } from '../../platform/forms.js';
import { formatDate } from '../../platform/i18n/index.js';
import { fromLocal, toLocal } from '../../platform/time.js';
import type { DecisionRow } from './repository.js';
import { decisionBodies, decisionKinds, involvementLevels, strengthEffects } from './tables.js';

/** Dissent rows the form shows at first; it shows more when more were sent (at most MAX). */
export const DISSENT_ROWS = 3;
export const DISSENT_MAX = 10;

const isDate = (v: string) => fromLocal(v, '12:00') !== undefined;
const idList = (message: string) =>
  z
    .string()
    .trim()
    .max(200)
    .regex(/^(\d{1,9}(\s*,\s*\d{1,9})*)?$/, message)
    .default('');
const required = (max: number, message: string) =>
  z.string({ message }).trim().min(1, message).max(max);

export const decisionSchema = z.object({
  title: required(200, 'decisions.error.title'),
  body: required(4000, 'decisions.error.body'),
  reasons: required(4000, 'decisions.error.reasons'),
  kind: z.enum(decisionKinds, { message: 'decisions.error.kind' }),
  decidedBy: z.enum(decisionBodies, { message: 'decisions.error.decidedBy' }),
  decidedByName: z.string().trim().max(200).default(''),
  decidedOn: z
    .string()
    .trim()
    .refine((v) => v === '' || isDate(v), 'decisions.error.decidedOn')
    .default(''),
  meetingId: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'decisions.error.meeting')
    .default(''),
  involvement: z.enum(involvementLevels, { message: 'decisions.error.involvement' }),
  involvementWho: z.string().trim().max(2000).default(''),
  involvementCount: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, 'decisions.error.involvementCount')
    .default(''),
  effect: z.enum(strengthEffects, { message: 'decisions.error.effect' }),
  effectReasoning: required(4000, 'decisions.error.effectReasoning'),
  dissentNoneCame: z.string().optional(),
  dissentInvited: z.string().trim().max(2000).default(''),
  signals: idList('decisions.error.signals'),
  experiments: idList('decisions.error.experiments'),
  lessons: idList('decisions.error.lessons'),
  reviewOn: z
    .string({ message: 'decisions.error.reviewOn' })
    .trim()
    .refine(isDate, 'decisions.error.reviewOn'),
  isInternal: z.string().optional(),
});

export const dissentRowSchema = z.object({
  raisedBy: required(200, 'decisions.error.raisedBy'),
  objection: required(2000, 'decisions.error.objection'),
  response: required(2000, 'decisions.error.response'),
});

export const reviewSchema = z.object({
  reviewEffect: z.enum(strengthEffects, { message: 'decisions.error.reviewEffect' }),
  reviewText: required(4000, 'decisions.error.reviewText'),
});

export const today = () => toLocal(new Date()).date;

/** A meeting as the decision pages name it: its label and day ("Netwerkbijeenkomst, 3 juni 2026"). */
export const meetingName = (request: FastifyRequest, m: { label: string; startsAt: Date }) =>
  `${m.label}, ${formatDate(request.lang, m.startsAt)}`;
export const ids = (list: string) =>
  list === '' ? [] : [...new Set(list.split(',').map((s) => Number(s.trim())))];

/** A decision's fields as the form shows them, to change it. */
export function valuesOf(d: DecisionRow): FormValues {
  const values: FormValues = {
    title: d.title,
    body: d.body,
    reasons: d.reasons,
    kind: d.kind,
    decidedBy: d.decidedBy,
    decidedByName: d.decidedByName,
    decidedOn: d.decidedOn ?? '',
    meetingId: d.meetingId === null ? '' : String(d.meetingId),
    involvement: d.involvement,
    involvementWho: d.involvementWho,
    involvementCount: d.involvementCount === null ? '' : String(d.involvementCount),
    effect: d.effect,
    effectReasoning: d.effectReasoning,
    dissentInvited: d.dissentInvited,
    signals: d.signalIds.join(', '),
    experiments: d.experimentIds.join(', '),
    lessons: d.lessonIds.join(', '),
    reviewOn: d.reviewOn,
  };
  if (d.dissentNoneCame) values.dissentNoneCame = 'on';
  if (d.isInternal) values.isInternal = 'on';
  d.dissent.forEach((item, i) => {
    values[`dissent${i + 1}RaisedBy`] = item.raisedBy;
    values[`dissent${i + 1}Objection`] = item.objection;
    values[`dissent${i + 1}Response`] = item.response;
  });
  return values;
}
