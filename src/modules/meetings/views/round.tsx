// The sparks round: one spark at a time, full screen, for a projector.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Document } from '../../../platform/views/Document.js';
import { sparksModule } from '../../sparks/index.js';

export interface RoundViewModel {
  network: { id: number; name: string };
  meeting: { id: number; label: string; when: string };
  total: number;
  nr: number;
  spark: { text: string; author: string; when: string; photoUrl: string | null } | null;
  since: string | null;
}

/** The sparks round: one spark at a time, full screen, large type, for a projector. */
export function RoundPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: RoundViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}/vonkjesronde`;
  const title = t('round.title', { meeting: vm.meeting.label });
  const prev = vm.nr > 1 ? `${base}?nr=${vm.nr - 1}` : null;
  const next = vm.nr < vm.total ? `${base}?nr=${vm.nr + 1}` : null;
  return (
    <Document
      ctx={ctx}
      title={title}
      bodyClass="bk-round"
      styles={['sparks-round.css']}
      scripts={['sparks-round.js']}
    >
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#vonkje">
        {t('layout.skipLink')}
      </a>
      <header class="bk-round__header">
        <h1 class="bk-round__title">{title}</h1>
        <p class="bk-round__sub">
          {vm.meeting.when}
          {vm.since ? ` · ${t('round.since', { date: vm.since })}` : ''}
        </p>
      </header>
      <main id="vonkje" class="bk-round__main" tabindex={-1}>
        {vm.spark ? (
          <figure class="bk-round__spark">
            <p class="bk-round__count">{t('round.count', { nr: vm.nr, total: vm.total })}</p>
            <blockquote class="bk-round__text">
              <p>{vm.spark.text}</p>
            </blockquote>
            {vm.spark.photoUrl ? (
              <img class="bk-round__photo" src={vm.spark.photoUrl} alt={t('meetings.photoAlt')} />
            ) : null}
            <figcaption class="bk-round__author">
              {vm.spark.author} · {vm.spark.when}
            </figcaption>
          </figure>
        ) : (
          <p class="bk-round__text">{t('round.empty')}</p>
        )}
        {prev || next ? (
          <nav class="bk-round__nav" aria-label={t('round.nav')}>
            {/* Only the controls that work: no greyed-out "button" at the first or last spark. */}
            {prev ? (
              <a class="bk-round__link" href={prev} rel="prev" data-key="ArrowLeft">
                {t('round.prev')}
              </a>
            ) : null}
            {next ? (
              <a
                class="bk-round__link bk-round__link--next"
                href={next}
                rel="next"
                data-key="ArrowRight"
              >
                {t('round.next')}
              </a>
            ) : null}
          </nav>
        ) : null}
        {prev || next ? (
          // Shown by sparks-round.js: the arrow keys only work when it runs.
          <p class="bk-round__hint" data-needs-script hidden>
            {t('round.keys')}
          </p>
        ) : null}
      </main>
      <section class="bk-round__add" aria-labelledby="round-add">
        <h2 id="round-add" class="bk-round__add-title">
          {t('round.add')}
        </h2>
        <sparksModule.api.SparkForm ctx={ctx} action={base} state={state} />
        <p>
          <a
            class="bk-round__back"
            href={`/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}`}
          >
            {t('round.leave')}
          </a>
        </p>
      </section>
    </Document>
  );
}
