// A decision's fields for tests that need many decisions: a complete, valid decision whose
// title and involvement name a person (so tests can check no name leaks), decided on and due
// for review on the days given.
import type { DecisionFields } from '#src/modules/decisions/repository.js';

/** Valid fields with `decidedOn` and `reviewOn` ("YYYY-MM-DD"), changed by `over`. */
export function decisionFields(
  days: { decidedOn: string; reviewOn: string },
  over: Partial<DecisionFields> = {},
): DecisionFields {
  return {
    title: 'Besluit van Persoon Geheim',
    body: 'Tekst',
    reasons: 'Reden',
    kind: 'other',
    decidedBy: 'network',
    decidedByName: '',
    decidedOn: days.decidedOn,
    meetingId: null,
    involvement: 'co_decided',
    involvementWho: 'Buurvrouw Geheim',
    involvementCount: null,
    effect: 'strengthens',
    effectReasoning: 'Omdat',
    dissent: [],
    dissentNoneCame: true,
    dissentInvited: 'In het overleg',
    signalIds: [],
    experimentIds: [],
    lessonIds: [],
    reviewOn: days.reviewOn,
    isInternal: false,
    ...over,
  };
}
