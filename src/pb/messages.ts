/**
 * Wording of explanations for residents, in Dutch (B1 level) and English. Every message
 * exists in both languages: the type makes a missing translation a compile error.
 */
export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

/**
 * The word for what is funded, in both languages: `project` (pabulib's word, the default) or
 * `plan` (the word of Buurtkracht's budget pages). Both are neuter in Dutch (het project, het
 * plan), so the sentences around them stay the same.
 */
export type Noun = 'project' | 'plan';

/** A noun's singular and plural in one language. */
export interface Words {
  one: string;
  many: string;
}

export const WORDS: Record<Lang, Record<Noun, Words>> = {
  nl: { project: { one: 'project', many: 'projecten' }, plan: { one: 'plan', many: 'plannen' } },
  en: { project: { one: 'project', many: 'projects' }, plan: { one: 'plan', many: 'plans' } },
};

/**
 * The sentences. Every sentence about one project names it (`n`: its name, quoted, or the
 * noun and its id when it has no name), so each line can be read on its own; `w` is the noun.
 */
export interface Messages {
  funded: (n: string) => string;
  notFunded: (n: string) => string;
  greedyRank: (n: string, rank: number) => string;
  /** What was left when its turn came (`left` undefined: nothing). */
  greedyLeftAtTurn: (left: string | undefined) => string;
  greedyPerCost: (n: string) => string;
  greedyFits: (n: string, cost: string) => string;
  /** `left` undefined: nothing was left. */
  greedyTooExpensive: (n: string, cost: string, left: string | undefined) => string;
  greedyStopped: (n: string, w: Words) => string;
  /** Poznań's rule: counting stopped after the project funded with 80 % of its cost left. */
  greedyStoppedAfter80: (n: string, w: Words) => string;
  greedyFunded80: (n: string, cost: string, left: string) => string;
  greedyWithdrawn: (n: string) => string;
  belowThreshold: (n: string, score: number, threshold: number, w: Words) => string;
  mesRound: (n: string, round: number) => string;
  /** `perPoint`: ballots with points, where a supporter pays up to the share per point. */
  mesShare: (n: string, supporters: number, share: string, perPoint: boolean) => string;
  mesPaidAll: (n: string, count: number) => string;
  /** `one`: `votes` reads as 1 (singular). */
  mesEffectiveVotes: (n: string, votes: string, one: boolean) => string;
  mesCompletion: (n: string) => string;
  /** `left`: what its supporters had left together (undefined: nothing). */
  mesNotAffordable: (n: string, left: string | undefined, cost: string) => string;
  /**
   * What would have made the equal-shares count choose the project, at the same per-voter
   * budget: a cost of at most `maxCost` (undefined: no positive cost would do), or `more`
   * more supporters bringing a full share each (0: not stated).
   */
  mesWouldWin: (n: string, maxCost: string | undefined, more: number) => string;
  noVotes: (n: string) => string;
  mesZeroCost: (n: string, w: Words) => string;
  phragmenRound: (n: string, round: number) => string;
  /** Phragmén skipping what does not fit: `left` when counting ended (undefined: nothing). */
  phragmenTooExpensive: (n: string, cost: string, left: string | undefined) => string;
  /** `phragmen-stop`: counting stopped with `left` (undefined: nothing) before it was chosen. */
  phragmenStopped: (n: string, w: Words, left: string | undefined) => string;
  comparisonGreedy: (greedy: number, mes: number) => string;
  comparisonMes: (mes: number, greedy: number) => string;
  coverage: (percent: string, w: Words) => string;
  /** The file has no ballots: said instead of the coverage and of the per-voter budget. */
  noVoters: () => string;
  leftover: (amount: string, budget: string) => string;
  /** Poznań's 80 % rule spent more than the budget: `extra` came from reserves. */
  overspent: (extra: string, budget: string) => string;
  endowment: (amount: string) => string;
  /** `between`: the tied projects' names joined; `chosen`: the one that went first. */
  tie: (between: string, chosen: string, by: string) => string;
  /** How a tie was decided; `submitted`: by id, where ids follow the order of submission. */
  tieBy: (w: Words) => Record<'cost' | 'votes' | 'id' | 'file' | 'preferred' | 'submitted', string>;
  /** "A, B and C". */
  and: (names: string[]) => string;
  /**
   * "A, B, C and 1,994 other projects": a list cut short, `more` (formatted) left unnamed;
   * `one`: that reads as 1 (singular).
   */
  andMore: (names: string[], more: string, one: boolean, w: Words) => string;
}

const list = (names: string[], and: string) =>
  names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;

/** "1 bewoner", "2 bewoners". */
const bewoners = (count: number) => `${count} ${count === 1 ? 'bewoner' : 'bewoners'}`;
/** "1 resident", "2 residents". */
const residents = (count: number) => `${count} ${count === 1 ? 'resident' : 'residents'}`;

export const MESSAGES: Record<Lang, Messages> = {
  nl: {
    funded: (n) => `${n} krijgt geld.`,
    notFunded: (n) => `${n} krijgt geen geld.`,
    greedyRank: (n, rank) => `${n} stond op plaats ${rank} van de ranglijst.`,
    greedyLeftAtTurn: (left) =>
      `Toen het aan de beurt was, was er ${left === undefined ? 'niets meer' : `nog ${left}`} over.`,
    greedyPerCost: (n) => `De ranglijst telt de stemmen per euro die ${n} kost.`,
    greedyFits: (n, cost) => `${n} kost ${cost}. Dat paste nog in het budget.`,
    greedyTooExpensive: (n, cost, left) =>
      left === undefined
        ? `${n} kost ${cost}. Er was niets meer over.`
        : `${n} kost ${cost}. Er was nog maar ${left} over. Dat is te weinig.`,
    greedyStopped: (n, w) =>
      `Het tellen stopte eerder, bij een ${w.one} dat niet meer paste. Daarna kwam ${n} niet meer aan de beurt.`,
    greedyStoppedAfter80: (n, w) =>
      `Het tellen stopte eerder, na een ${w.one} dat geld kreeg volgens de 80%-regel: er was nog minstens 80% van de kosten over. Daarna kwam ${n} niet meer aan de beurt.`,
    greedyFunded80: (n, cost, left) =>
      `${n} kost ${cost}. Er was nog ${left} over: minstens 80% van de kosten. Daarom kreeg het toch geld (de rest uit de reserve). Daarna stopte het tellen.`,
    greedyWithdrawn: (n) => `${n} is na de stemming teruggetrokken. Het telde niet mee.`,
    belowThreshold: (n, score, threshold, w) =>
      `${n} kreeg ${score} ${score === 1 ? 'stem' : 'stemmen'}. Een ${w.one} heeft minstens ${threshold} ${threshold === 1 ? 'stem' : 'stemmen'} nodig.`,
    mesRound: (n, round) => `${n} werd gekozen in ronde ${round}.`,
    mesShare: (n, supporters, share, perPoint) => {
      const per = perPoint ? ' per punt dat hij of zij het gaf' : '';
      return supporters === 1
        ? `De enige bewoner die op ${n} stemde, betaalde het. Hij of zij betaalde hoogstens ${share}${per} van zijn of haar deel van het budget.`
        : `De ${supporters} bewoners die op ${n} stemden, betaalden het samen. Iedereen betaalde hoogstens ${share}${per} van zijn of haar deel van het budget.`;
    },
    mesPaidAll: (n, count) =>
      count === 1
        ? `1 bewoner die op ${n} stemde, had minder over. Die betaalde alles wat hij of zij nog had.`
        : `${count} bewoners die op ${n} stemden, hadden minder over. Zij betaalden alles wat ze nog hadden.`,
    mesEffectiveVotes: (n, votes, one) =>
      `${n} telt als ${votes} ${one ? 'stem' : 'stemmen'} (hoe minder iedereen hoeft te betalen, hoe meer het telt).`,
    mesCompletion: (n) =>
      `${n} kreeg geld uit het budget dat over was, omdat het nog paste (op volgorde van stemmen).`,
    mesNotAffordable: (n, left, cost) =>
      `${n} kost ${cost}. De bewoners die erop stemden, hadden aan het eind samen ${left === undefined ? 'niets meer' : `nog ${left}`} over. Dat was niet genoeg.`,
    mesWouldWin: (n, maxCost, more) => {
      const ways = [
        ...(maxCost !== undefined ? [`als het hoogstens ${maxCost} had gekost`] : []),
        ...(more > 0
          ? [
              `als ${more} ${more === 1 ? 'bewoner' : 'bewoners'} meer, elk met zo'n deel, erop ${more === 1 ? 'had' : 'hadden'} gestemd`,
            ]
          : []),
      ];
      return ways.length === 0
        ? `Met hetzelfde gelijke deel per bewoner kon ${n} in deze telling niet gekozen worden.`
        : `Met hetzelfde gelijke deel per bewoner had de telling ${n} gekozen ${ways.join(', of ')}.`;
    },
    noVotes: (n) => `Niemand stemde op ${n}.`,
    mesZeroCost: (n, w) =>
      `${n} kost niets. Deze manier van tellen verdeelt geld; een ${w.one} zonder kosten kan er niet mee gekozen worden.`,
    phragmenRound: (n, round) =>
      `${n} werd gekozen in ronde ${round}: de bewoners die erop stemden, hadden samen als eerste genoeg gespaard.`,
    phragmenTooExpensive: (n, cost, left) =>
      `${n} kost ${cost}. Toen het tellen klaar was, was er ${left === undefined ? 'niets meer' : `nog maar ${left}`} over. Dat is te weinig.`,
    phragmenStopped: (n, w, left) =>
      `Het tellen stopte toen het volgende ${w.one} niet meer paste: er was ${left === undefined ? 'niets meer' : `nog maar ${left}`} over. Tot dan was ${n} niet gekozen.`,
    comparisonGreedy: (greedy, mes) =>
      `De uitslag volgens de meeste stemmen werd gekozen: ${bewoners(greedy)} ${greedy === 1 ? 'vond' : 'vonden'} die beter, ${bewoners(mes)} de uitslag met gelijke delen.`,
    comparisonMes: (mes, greedy) =>
      `De uitslag met gelijke delen bleef staan: ${bewoners(mes)} ${mes === 1 ? 'vond' : 'vonden'} die beter, ${bewoners(greedy)} de uitslag volgens de meeste stemmen.`,
    coverage: (percent, w) =>
      `${percent} van de bewoners stemde op minstens één ${w.one} dat geld krijgt.`,
    noVoters: () => 'Er is niet gestemd: het bestand heeft geen stemmen.',
    leftover: (amount, budget) => `Van het budget van ${budget} blijft ${amount} over.`,
    overspent: (extra, budget) =>
      `Het budget van ${budget} is helemaal op. Er kwam ${extra} extra uit de reserve.`,
    endowment: (amount) => `Elke bewoner had een gelijk deel van ${amount} om mee te betalen.`,
    tie: (between, chosen, by) => `Gelijke stand tussen ${between}: ${chosen} ging voor, ${by}.`,
    tieBy: (w) => ({
      cost: 'omdat het minder kost',
      votes: 'omdat het meer stemmen kreeg',
      id: `op volgorde van het nummer van het ${w.one}`,
      file: 'op de volgorde van de officiële lijst',
      preferred: 'zoals in de officiële uitslag',
      submitted: 'omdat het eerder was ingediend',
    }),
    and: (names) => list(names, 'en'),
    andMore: (names, more, one, w) =>
      `${names.join(', ')} en ${more} ${one ? `ander ${w.one}` : `andere ${w.many}`}`,
  },
  en: {
    funded: (n) => `${n} is funded.`,
    notFunded: (n) => `${n} is not funded.`,
    greedyRank: (n, rank) => `${n} was number ${rank} in the ranking.`,
    greedyLeftAtTurn: (left) =>
      left === undefined
        ? 'When its turn came, nothing was left.'
        : `When its turn came, ${left} was left.`,
    greedyPerCost: (n) => `The ranking counts votes per euro that ${n} costs.`,
    greedyFits: (n, cost) => `${n} costs ${cost}. That still fitted in the budget.`,
    greedyTooExpensive: (n, cost, left) =>
      left === undefined
        ? `${n} costs ${cost}. Nothing was left.`
        : `${n} costs ${cost}. Only ${left} was left. That is not enough.`,
    greedyStopped: (n, w) =>
      `Counting stopped earlier, at a ${w.one} that no longer fitted. After that, ${n} did not get a turn.`,
    greedyStoppedAfter80: (n, w) =>
      `Counting stopped earlier, after a ${w.one} that was funded under the 80% rule: at least 80% of its cost was left. After that, ${n} did not get a turn.`,
    greedyFunded80: (n, cost, left) =>
      `${n} costs ${cost}. ${left} was left: at least 80% of its cost. So it was funded anyway (the rest from reserves). Counting stopped after it.`,
    greedyWithdrawn: (n) => `${n} was withdrawn after the vote. It did not take part in the count.`,
    belowThreshold: (n, score, threshold, w) =>
      `${n} got ${score} ${score === 1 ? 'vote' : 'votes'}. A ${w.one} needs at least ${threshold} ${threshold === 1 ? 'vote' : 'votes'}.`,
    mesRound: (n, round) => `${n} was chosen in round ${round}.`,
    mesShare: (n, supporters, share, perPoint) => {
      const per = perPoint ? ' per point they gave it' : '';
      return supporters === 1
        ? `The only resident who voted for ${n} paid for it. They paid at most ${share}${per} of their share of the budget.`
        : `The ${supporters} residents who voted for ${n} paid for it together. Each paid at most ${share}${per} of their share of the budget.`;
    },
    mesPaidAll: (n, count) =>
      count === 1
        ? `1 resident who voted for ${n} had less left. They paid all they still had.`
        : `${count} residents who voted for ${n} had less left. They paid all they still had.`,
    mesEffectiveVotes: (n, votes, one) =>
      `${n} counts as ${votes} ${one ? 'vote' : 'votes'} (the less each person has to pay, the more it counts).`,
    mesCompletion: (n) =>
      `${n} was funded from the budget that was left, because it still fitted (in order of votes).`,
    mesNotAffordable: (n, left, cost) =>
      `${n} costs ${cost}. At the end, the residents who voted for it had ${left === undefined ? 'nothing' : left} left together. That was not enough.`,
    mesWouldWin: (n, maxCost, more) => {
      const ways = [
        ...(maxCost !== undefined ? [`if it had cost at most ${maxCost}`] : []),
        ...(more > 0
          ? [
              `if ${more} more ${more === 1 ? 'resident' : 'residents'}, each with that share, had voted for it`,
            ]
          : []),
      ];
      return ways.length === 0
        ? `With the same equal share per resident, this count could not have chosen ${n}.`
        : `With the same equal share per resident, the count would have chosen ${n} ${ways.join(', or ')}.`;
    },
    noVotes: (n) => `Nobody voted for ${n}.`,
    mesZeroCost: (n, w) =>
      `${n} costs nothing. This way of counting shares out money, so a ${w.one} without cost cannot be chosen by it.`,
    phragmenRound: (n, round) =>
      `${n} was chosen in round ${round}: the residents who voted for it were the first to have saved enough together.`,
    phragmenTooExpensive: (n, cost, left) =>
      `${n} costs ${cost}. When counting ended, ${left === undefined ? 'nothing' : `only ${left}`} was left. That is not enough.`,
    phragmenStopped: (n, w, left) =>
      `Counting stopped when the next ${w.one} to be chosen no longer fitted: ${left === undefined ? 'nothing' : `only ${left}`} was left. Until then, ${n} had not been chosen.`,
    comparisonGreedy: (greedy, mes) =>
      `The outcome by most votes was chosen: ${residents(greedy)} preferred it, ${residents(mes)} preferred the equal-shares outcome.`,
    comparisonMes: (mes, greedy) =>
      `The equal-shares outcome stayed: ${residents(mes)} preferred it, ${residents(greedy)} preferred the outcome by most votes.`,
    noVoters: () => 'Nobody voted: the file has no ballots.',
    coverage: (percent, w) => `${percent} of residents voted for at least one funded ${w.one}.`,
    leftover: (amount, budget) => `Of the budget of ${budget}, ${amount} is left over.`,
    overspent: (extra, budget) =>
      `The budget of ${budget} is used up. ${extra} more came from reserves.`,
    endowment: (amount) => `Each resident had an equal share of ${amount} to pay with.`,
    tie: (between, chosen, by) => `Tie between ${between}: ${chosen} went first, ${by}.`,
    tieBy: (w) => ({
      cost: 'because it costs less',
      votes: 'because it got more votes',
      id: `by the number of the ${w.one}`,
      file: 'in the order of the official list',
      preferred: 'as in the official outcome',
      submitted: 'because it was submitted earlier',
    }),
    and: (names) => list(names, 'and'),
    andMore: (names, more, one, w) =>
      `${names.join(', ')} and ${more} other ${one ? w.one : w.many}`,
  },
};
