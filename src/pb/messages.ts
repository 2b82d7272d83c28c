/**
 * Wording of explanations for residents, in Dutch (B1 level) and English. Every message
 * exists in both languages: the type makes a missing translation a compile error.
 */
export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

export interface Messages {
  funded: (name: string) => string;
  notFunded: (name: string) => string;
  greedyRank: (rank: number, left: string) => string;
  greedyPerCost: string;
  greedyFits: (cost: string) => string;
  greedyTooExpensive: (cost: string, left: string) => string;
  greedyStopped: string;
  greedyFunded80: (cost: string, left: string) => string;
  greedyWithdrawn: string;
  belowThreshold: (score: number, threshold: number) => string;
  mesRound: (round: number) => string;
  /** `perPoint`: ballots with points, where a supporter pays up to the share per point. */
  mesShare: (supporters: number, share: string, perPoint: boolean) => string;
  mesPaidAll: (count: number) => string;
  mesEffectiveVotes: (votes: string) => string;
  mesCompletion: string;
  mesNotAffordable: (left: string, cost: string) => string;
  /**
   * What would have made the equal-shares count choose the project, at the same per-voter
   * budget: a cost of at most `maxCost` (undefined: no positive cost would do), or `more`
   * more supporters bringing a full share each (0: not stated).
   */
  mesWouldWin: (maxCost: string | undefined, more: number) => string;
  noVotes: string;
  mesZeroCost: string;
  phragmenRound: (round: number) => string;
  comparisonGreedy: (greedy: number, mes: number) => string;
  comparisonMes: (mes: number, greedy: number) => string;
  coverage: (percent: string) => string;
  leftover: (amount: string, budget: string) => string;
  endowment: (amount: string) => string;
  tie: (between: string, chosen: string, by: string) => string;
  tieBy: Record<'cost' | 'votes' | 'id' | 'file' | 'preferred', string>;
}

export const MESSAGES: Record<Lang, Messages> = {
  nl: {
    funded: (name) => `${name} krijgt geld.`,
    notFunded: (name) => `${name} krijgt geen geld.`,
    greedyRank: (rank, left) =>
      `Het project stond op plaats ${rank} van de ranglijst. Toen het aan de beurt was, was er nog ${left} over.`,
    greedyPerCost: 'De ranglijst telt de stemmen per euro die het project kost.',
    greedyFits: (cost) => `Het project kost ${cost}. Dat paste nog in het budget.`,
    greedyTooExpensive: (cost, left) =>
      `Het project kost ${cost}. Er was nog maar ${left} over. Dat is te weinig.`,
    greedyStopped:
      'Het tellen stopte eerder, bij een project dat niet meer paste. Daarna kwam geen project meer aan de beurt.',
    greedyFunded80: (cost, left) =>
      `Het project kost ${cost}. Er was nog ${left} over: minstens 80% van de kosten. Daarom kreeg het toch geld (de rest uit de reserve). Daarna stopte het tellen.`,
    greedyWithdrawn: 'Het project is na de stemming teruggetrokken. Het telde niet mee.',
    belowThreshold: (score, threshold) =>
      `Het project kreeg ${score} stemmen. Een project heeft minstens ${threshold} stemmen nodig.`,
    mesRound: (round) => `Het project werd gekozen in ronde ${round}.`,
    mesShare: (supporters, share, perPoint) =>
      `De ${supporters} bewoners die erop stemden, betaalden het samen. Iedereen betaalde hoogstens ${share}${perPoint ? ' per punt dat hij of zij het project gaf' : ''} van zijn of haar deel van het budget.`,
    mesPaidAll: (count) =>
      `${count} van hen hadden minder over. Zij betaalden alles wat ze nog hadden.`,
    mesEffectiveVotes: (votes) =>
      `Dat telt als ${votes} stemmen (hoe minder iedereen hoeft te betalen, hoe meer het telt).`,
    mesCompletion:
      'Het project kreeg geld uit het budget dat over was, omdat het nog paste (op volgorde van stemmen).',
    mesNotAffordable: (left, cost) =>
      `De bewoners die erop stemden, hadden aan het eind samen nog ${left} over. Het project kost ${cost}. Dat was niet genoeg.`,
    mesWouldWin: (maxCost, more) => {
      const ways = [
        ...(maxCost !== undefined ? [`als het hoogstens ${maxCost} had gekost`] : []),
        ...(more > 0
          ? [
              `als ${more} ${more === 1 ? 'bewoner' : 'bewoners'} meer, elk met zo'n deel, erop hadden gestemd`,
            ]
          : []),
      ];
      return ways.length === 0
        ? 'Met hetzelfde gelijke deel per bewoner kon het project in deze telling niet gekozen worden.'
        : `Met hetzelfde gelijke deel per bewoner had de telling het project gekozen ${ways.join(', of ')}.`;
    },
    noVotes: 'Niemand stemde op dit project.',
    mesZeroCost:
      'Het project kost niets. Deze manier van tellen verdeelt geld; een project zonder kosten kan er niet mee gekozen worden.',
    phragmenRound: (round) =>
      `Het project werd gekozen in ronde ${round}: de bewoners die erop stemden, hadden samen als eerste genoeg gespaard.`,
    comparisonGreedy: (greedy, mes) =>
      `De uitslag volgens de meeste stemmen werd gekozen: ${greedy} bewoners vonden die beter, ${mes} bewoners de uitslag met gelijke delen.`,
    comparisonMes: (mes, greedy) =>
      `De uitslag met gelijke delen bleef staan: ${mes} bewoners vonden die beter, ${greedy} bewoners de uitslag volgens de meeste stemmen.`,
    coverage: (percent) =>
      `${percent} van de bewoners stemde op minstens één project dat geld krijgt.`,
    leftover: (amount, budget) => `Van het budget van ${budget} blijft ${amount} over.`,
    endowment: (amount) => `Elke bewoner had een gelijk deel van ${amount} om mee te betalen.`,
    tie: (between, chosen, by) => `Gelijkspel tussen ${between}: ${chosen} ging voor, ${by}.`,
    tieBy: {
      cost: 'omdat het minder kost',
      votes: 'omdat het meer stemmen kreeg',
      id: 'op volgorde van projectnummer',
      file: 'op de volgorde van de officiële lijst',
      preferred: 'zoals in de officiële uitslag',
    },
  },
  en: {
    funded: (name) => `${name} is funded.`,
    notFunded: (name) => `${name} is not funded.`,
    greedyRank: (rank, left) =>
      `The project was number ${rank} in the ranking. When its turn came, ${left} was left.`,
    greedyPerCost: 'The ranking counts votes per euro of cost.',
    greedyFits: (cost) => `The project costs ${cost}. That still fitted in the budget.`,
    greedyTooExpensive: (cost, left) =>
      `The project costs ${cost}. Only ${left} was left. That is not enough.`,
    greedyStopped:
      'Counting stopped earlier, at a project that no longer fitted. No project after it got a turn.',
    greedyFunded80: (cost, left) =>
      `The project costs ${cost}. ${left} was left: at least 80% of its cost. So it was funded anyway (the rest from reserves). Counting stopped after it.`,
    greedyWithdrawn: 'The project was withdrawn after the vote. It did not take part in the count.',
    belowThreshold: (score, threshold) =>
      `The project got ${score} votes. A project needs at least ${threshold} votes.`,
    mesRound: (round) => `The project was chosen in round ${round}.`,
    mesShare: (supporters, share, perPoint) =>
      `The ${supporters} residents who voted for it paid for it together. Each paid at most ${share}${perPoint ? ' per point they gave it' : ''} of their share of the budget.`,
    mesPaidAll: (count) => `${count} of them had less left. They paid all they still had.`,
    mesEffectiveVotes: (votes) =>
      `That counts as ${votes} votes (the less each person has to pay, the more it counts).`,
    mesCompletion:
      'The project was funded from the budget that was left, because it still fitted (in order of votes).',
    mesNotAffordable: (left, cost) =>
      `At the end, the residents who voted for it had ${left} left together. The project costs ${cost}. That was not enough.`,
    mesWouldWin: (maxCost, more) => {
      const ways = [
        ...(maxCost !== undefined ? [`if it had cost at most ${maxCost}`] : []),
        ...(more > 0
          ? [
              `if ${more} more ${more === 1 ? 'resident' : 'residents'}, each with that share, had voted for it`,
            ]
          : []),
      ];
      return ways.length === 0
        ? 'With the same equal share per resident, this count could not have chosen the project.'
        : `With the same equal share per resident, the count would have chosen the project ${ways.join(', or ')}.`;
    },
    noVotes: 'Nobody voted for this project.',
    mesZeroCost:
      'The project costs nothing. This way of counting shares out money, so a project without cost cannot be chosen by it.',
    phragmenRound: (round) =>
      `The project was chosen in round ${round}: the residents who voted for it were the first to have saved enough together.`,
    comparisonGreedy: (greedy, mes) =>
      `The outcome by most votes was chosen: ${greedy} residents preferred it, ${mes} residents preferred the equal-shares outcome.`,
    comparisonMes: (mes, greedy) =>
      `The equal-shares outcome stayed: ${mes} residents preferred it, ${greedy} residents preferred the outcome by most votes.`,
    coverage: (percent) => `${percent} of residents voted for at least one funded project.`,
    leftover: (amount, budget) => `Of the budget of ${budget}, ${amount} is left over.`,
    endowment: (amount) => `Each resident had an equal share of ${amount} to pay with.`,
    tie: (between, chosen, by) => `Tie between ${between}: ${chosen} went first, ${by}.`,
    tieBy: {
      cost: 'because it costs less',
      votes: 'because it got more votes',
      id: 'by project number',
      file: 'in the order of the official list',
      preferred: 'as in the official outcome',
    },
  },
};
