// What each rule is called and how it is described to people choosing one, in each
// interface language (a missing text does not compile). The Dutch is at B1 level and follows
// the definitions in docs/decisions/0006: "meeste stemmen eerst" is greedy, "methode van
// gelijke delen" the Method of Equal Shares (MES). The English says the same in plain words.
import type { Lang } from './messages.js';

/** A rule's texts: a short title (a choice's label) and a one-line description. */
export interface RuleTexts {
  title: Readonly<Record<Lang, string>>;
  description: Readonly<Record<Lang, string>>;
}

/** The names of the engine's rules (the keys of {@link RULE_TEXTS}). */
export type RuleName = keyof typeof RULE_TEXTS;

/** Every rule's texts, by rule name, in the order the rules are listed. */
export const RULE_TEXTS = {
  greedy: {
    title: { nl: 'Meeste stemmen eerst', en: 'Most votes first' },
    description: {
      nl: 'Meeste stemmen eerst: de plannen met de meeste stemmen (of punten) krijgen als eerste geld. Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Most votes first: the plans with the most votes (or points) get money first. A plan that no longer fits in the budget is skipped.',
    },
  },
  'greedy-no-skip': {
    title: {
      nl: 'Meeste stemmen eerst, zonder overslaan',
      en: 'Most votes first, without skipping',
    },
    description: {
      nl: 'Meeste stemmen eerst, zonder overslaan: de plannen met de meeste stemmen (of punten) krijgen als eerste geld. Bij het eerste plan dat niet meer in het budget past, stopt het tellen.',
      en: 'Most votes first, without skipping: the plans with the most votes (or points) get money first. Counting stops at the first plan that no longer fits in the budget.',
    },
  },
  'greedy-threshold': {
    title: {
      nl: 'Meeste stemmen eerst, met een drempel',
      en: 'Most votes first, with a threshold',
    },
    description: {
      nl: 'Meeste stemmen eerst, maar alleen voor plannen met minstens zoveel stemmen (of punten) als de drempel in het bestand (min_project_score_threshold). Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Most votes first, but only for plans with at least as many votes (or points) as the threshold in the file (min_project_score_threshold). A plan that no longer fits is skipped.',
    },
  },
  'greedy-per-cost': {
    title: { nl: 'Meeste stemmen gedeeld door de kosten', en: 'Most votes per unit of cost' },
    description: {
      nl: 'Zoals meeste stemmen eerst, maar de volgorde is het aantal stemmen (of punten) gedeeld door de kosten. Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Like most votes first, but the order is the number of votes (or points) divided by the cost. A plan that no longer fits in the budget is skipped.',
    },
  },
  equalshares: {
    title: {
      nl: 'Methode van gelijke delen, zonder aanvulling',
      en: 'Method of Equal Shares, without completion',
    },
    description: {
      nl: 'Methode van gelijke delen: elke bewoner die stemde, krijgt een even groot deel van het budget om mee te betalen aan de gekozen plannen. Zonder aanvulling, dus er kan geld overblijven.',
      en: 'Method of Equal Shares: every resident who voted gets an equal part of the budget to help pay for the plans they chose. Without completion, so money can be left over.',
    },
  },
  'equalshares/add1': {
    title: { nl: 'Methode van gelijke delen met add1', en: 'Method of Equal Shares with add1' },
    description: {
      nl: 'Methode van gelijke delen met add1: elke bewoner die stemde, krijgt een even groot deel van het budget om mee te betalen aan de gekozen plannen. Blijft er geld over, dan wordt dat deel stap voor stap groter (add1), zolang de uitkomst in het budget past.',
      en: 'Method of Equal Shares with add1: every resident who voted gets an equal part of the budget to help pay for the plans they chose. If money is left, that part grows step by step (add1) as long as the outcome fits in the budget.',
    },
  },
  'equalshares/add1-comparison': {
    title: {
      nl: 'Methode van gelijke delen met add1, vergeleken met meeste stemmen eerst',
      en: 'Method of Equal Shares with add1, compared with most votes first',
    },
    description: {
      nl: 'Methode van gelijke delen met add1, vergeleken met meeste stemmen eerst (zoals in Wieliczka 2023). Meeste stemmen eerst wint alleen als meer bewoners die uitkomst beter vinden, omdat meer van hun plannen geld krijgen.',
      en: 'Method of Equal Shares with add1, compared with most votes first (as in Wieliczka 2023). Most votes first wins only if more residents prefer that outcome, because more of their plans get money.',
    },
  },
  'equalshares/add1-exhaustive': {
    title: {
      nl: 'Methode van gelijke delen met add1, zoals in pabutools',
      en: 'Method of Equal Shares with add1, as in pabutools',
    },
    description: {
      nl: 'Methode van gelijke delen met add1, zoals het rekenprogramma pabutools telt: het deel per bewoner wordt stap voor stap groter, tot er geen plan met stemmen meer bij past of de uitkomst te duur wordt.',
      en: 'Method of Equal Shares with add1, as the pabutools software counts: the part per resident grows step by step until no plan with votes fits any more or the outcome costs too much.',
    },
  },
  'equalshares/add1u': {
    title: {
      nl: 'Methode van gelijke delen met add1, de rest naar meeste stemmen',
      en: 'Method of Equal Shares with add1, the rest by most votes',
    },
    description: {
      nl: 'Methode van gelijke delen met add1. Het geld dat daarna over is, gaat naar de plannen met de meeste stemmen (of punten) die nog passen.',
      en: 'Method of Equal Shares with add1. The money left after that goes to the plans with the most votes (or points) that still fit.',
    },
  },
  'equalshares-cardinality': {
    title: {
      nl: 'Gelijke delen, elk plan even zwaar, zonder aanvulling',
      en: 'Equal Shares, every project counting the same, without completion',
    },
    description: {
      nl: 'Methode van gelijke delen waarin elk plan even zwaar telt, wat het ook kost: elke bewoner die stemde, krijgt een even groot deel van het budget om mee te betalen aan de gekozen plannen. Zonder aanvulling, dus er kan geld overblijven.',
      en: 'Method of Equal Shares in which every plan counts the same, whatever it costs: every resident who voted gets an equal part of the budget to help pay for the plans they chose. Without completion, so money can be left over.',
    },
  },
  'equalshares-cardinality/add1': {
    title: {
      nl: 'Gelijke delen met add1, elk plan even zwaar',
      en: 'Equal Shares with add1, every project counting the same',
    },
    description: {
      nl: 'Methode van gelijke delen met add1, waarin elk plan even zwaar telt, wat het ook kost. Blijft er geld over, dan wordt het deel per bewoner stap voor stap groter (add1), zolang de uitkomst in het budget past.',
      en: 'Method of Equal Shares with add1, in which every plan counts the same, whatever it costs. If money is left, the part per resident grows step by step (add1) as long as the outcome fits in the budget.',
    },
  },
  'greedy-poznan': {
    title: { nl: 'De regel van Poznań', en: "Poznań's rule" },
    description: {
      nl: 'De regel van Poznań: meeste stemmen eerst. Bij het eerste plan dat niet past, stopt het tellen; dat plan krijgt toch geld als er nog minstens 80% van zijn kosten over is.',
      en: "Poznań's rule: most votes first. Counting stops at the first plan that does not fit; that plan still gets money if at least 80% of its cost is left.",
    },
  },
  phragmen: {
    title: { nl: 'Phragmén', en: 'Phragmén' },
    description: {
      nl: 'Phragmén, stap voor stap: elke bewoner die stemde, spaart even snel geld, en een plan wordt gekocht zodra de bewoners die erop stemden, samen genoeg hebben. Past een plan niet meer in het budget, dan wordt het overgeslagen.',
      en: 'Phragmén, step by step: every resident who voted saves money at the same pace, and a plan is bought as soon as the residents who voted for it have enough together. A plan that no longer fits in the budget is skipped.',
    },
  },
  'phragmen-stop': {
    title: { nl: 'Phragmén, stoppen zoals in pabutools', en: 'Phragmén, stopping as in pabutools' },
    description: {
      nl: 'Phragmén zoals het rekenprogramma pabutools telt: elke bewoner die stemde, spaart even snel geld, en een plan wordt gekocht zodra de bewoners die erop stemden, samen genoeg hebben. Past het volgende plan niet in het budget, dan stopt het tellen.',
      en: 'Phragmén as the pabutools software counts: every resident who voted saves money at the same pace, and a plan is bought as soon as the residents who voted for it have enough together. Counting stops when the next plan no longer fits.',
    },
  },
} as const satisfies Record<string, RuleTexts>;
