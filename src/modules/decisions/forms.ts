// What the decision routes need around their forms (the schemas are in form-schemas.ts): how
// many dissent rows, today's date, a meeting's name, id lists, and a stored decision's fields
// as the form shows them.
import type { FastifyRequest } from 'fastify';
import type { FormValues } from '../../platform/forms.js';
import { formatDate } from '../../platform/i18n/index.js';
import { toLocal } from '../../platform/time.js';
import type { DecisionRow } from './repository.js';

/** Dissent rows the form shows at first; it shows more when more were sent (at most MAX). */
export const DISSENT_ROWS = 3;
export const DISSENT_MAX = 10;

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
