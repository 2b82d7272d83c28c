// The schemas of the decision forms, apart from the routes that parse with them: what each
// field takes and the name its messages use (`decisions.name.<field>`).
import { z } from 'zod';
import { fromLocal } from '../../platform/time.js';
import { decisionBodies, decisionKinds, involvementLevels, strengthEffects } from './tables.js';

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

/** The decision form (every field named for its messages, issue 12 item 10). */
export const decisionSchema = z.object({
  title: required(200, 'decisions.error.title').describe('decisions.name.title'),
  body: required(4000, 'decisions.error.body').describe('decisions.name.body'),
  reasons: required(4000, 'decisions.error.reasons').describe('decisions.name.reasons'),
  kind: z.enum(decisionKinds, { message: 'decisions.error.kind' }).describe('decisions.name.kind'),
  decidedBy: z
    .enum(decisionBodies, { message: 'decisions.error.decidedBy' })
    .describe('decisions.name.decidedBy'),
  decidedByName: z.string().trim().max(200).default('').describe('decisions.name.decidedByName'),
  decidedOn: z
    .string()
    .trim()
    .refine((v) => v === '' || isDate(v), 'decisions.error.decidedOn')
    .default('')
    .describe('decisions.name.decidedOn'),
  meetingId: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'decisions.error.meeting')
    .default('')
    .describe('decisions.name.meetingId'),
  involvement: z
    .enum(involvementLevels, { message: 'decisions.error.involvement' })
    .describe('decisions.name.involvement'),
  involvementWho: z.string().trim().max(2000).default('').describe('decisions.name.involvementWho'),
  involvementCount: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, 'decisions.error.involvementCount')
    .default('')
    .describe('decisions.name.involvementCount'),
  effect: z
    .enum(strengthEffects, { message: 'decisions.error.effect' })
    .describe('decisions.name.effect'),
  effectReasoning: required(4000, 'decisions.error.effectReasoning').describe(
    'decisions.name.effectReasoning',
  ),
  dissentNoneCame: z.string().optional().describe('decisions.name.dissentNoneCame'),
  dissentInvited: z.string().trim().max(2000).default('').describe('decisions.name.dissentInvited'),
  signals: idList('decisions.error.signals').describe('decisions.name.signals'),
  experiments: idList('decisions.error.experiments').describe('decisions.name.experiments'),
  lessons: idList('decisions.error.lessons').describe('decisions.name.lessons'),
  reviewOn: z
    .string({ message: 'decisions.error.reviewOn' })
    .trim()
    .refine(isDate, 'decisions.error.reviewOn')
    .describe('decisions.name.reviewOn'),
  isInternal: z.string().optional().describe('decisions.name.isInternal'),
});

/** One row of dissent on the decision form (`dissent<n>RaisedBy`, …). */
export const dissentRowSchema = z.object({
  raisedBy: required(200, 'decisions.error.raisedBy').describe('decisions.name.dissentRaisedBy'),
  objection: required(2000, 'decisions.error.objection').describe(
    'decisions.name.dissentObjection',
  ),
  response: required(2000, 'decisions.error.response').describe('decisions.name.dissentResponse'),
});

/** The review of a decision: what it did, looking back. */
export const reviewSchema = z.object({
  reviewEffect: z
    .enum(strengthEffects, { message: 'decisions.error.reviewEffect' })
    .describe('decisions.name.reviewEffect'),
  reviewText: required(4000, 'decisions.error.reviewText').describe('decisions.name.reviewText'),
});
