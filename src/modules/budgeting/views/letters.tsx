// The printable letters with voting codes (the page; the PDF uses letterParagraphs too).
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface LetterViewModel {
  roundTitle: string;
  networkName: string;
  votingUntil: string;
  url: string;
  minAge: number;
  /** One letter per unused code; the postal address when the code came from a list. */
  letters: { code: string; address: string | null }[];
}

/** One letter per code, for printing (each on its own page). */
export function LettersPage({ ctx, vm }: { ctx: ViewContext; vm: LetterViewModel }) {
  const { t } = ctx;
  const title = t('budget.letter.pageTitle', { round: vm.roundTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1 bk-no-print">{title}</h1>
      {vm.letters.map(({ code, address }) => (
        <article class="bk-letter" key={code}>
          {address ? <p class="utrecht-paragraph bk-letter__address">{address}</p> : null}
          <h2 class="utrecht-heading-2">{t('budget.letter.heading', { round: vm.roundTitle })}</h2>
          {letterParagraphs(t, vm).map((p) => (
            <p class="utrecht-paragraph" key={p}>
              {p}
            </p>
          ))}
          <p class="utrecht-paragraph">
            {t('budget.letter.yourCode')} <strong class="bk-code">{code}</strong>
          </p>
          <p class="utrecht-paragraph">
            {t('budget.letter.address')} <strong>{vm.url}</strong>
          </p>
        </article>
      ))}
    </Layout>
  );
}

/** The explanation on every letter, in plain Dutch (shared by the print page and the PDF). */
export function letterParagraphs(t: ViewContext['t'], vm: LetterViewModel): string[] {
  return [
    t('budget.letter.p1', { network: vm.networkName }),
    t('budget.letter.p2'),
    vm.votingUntil ? t('budget.letter.until', { date: vm.votingUntil }) : '',
    vm.minAge > 0 ? t('budget.letter.age', { age: vm.minAge }) : '',
    t('budget.letter.secret'),
  ].filter((p) => p !== '');
}
