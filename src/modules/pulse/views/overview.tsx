import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { Headline } from '../headlines.js';

/** A leader's overview: per scope the pulse in short, then lessons, reviews, reflection. */
export interface LeaderOverviewViewModel {
  scopes: { id: string; title: string; headlines: Headline[]; pulseHref: string; name: string }[];
  lessons: { href: string; title: string }[];
  reviews: { title: string; where: string }[];
  questions: string[];
}

/** The headline figures as a definition list (a label and its value). */
export function Headlines({ items }: { items: Headline[] }) {
  return (
    <dl class="bk-headlines">
      {items.map((h) => (
        <div class="bk-headline" key={h.label}>
          <dt>{h.label}</dt>
          <dd>{h.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LeaderOverviewPage({ ctx, vm }: { ctx: ViewContext; vm: LeaderOverviewViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('pulse.overview.title')}>
      <h1 class="utrecht-heading-1">{t('pulse.overview.title')}</h1>
      <p class="utrecht-paragraph">{t('pulse.overview.intro')}</p>
      {vm.scopes.map((s) => (
        <section key={s.id} aria-labelledby={`scope-${s.id}`}>
          <h2 class="utrecht-heading-2" id={`scope-${s.id}`}>
            {s.title}
          </h2>
          <h3 class="utrecht-heading-3">{t('pulse.overview.figures')}</h3>
          <Headlines items={s.headlines} />
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={s.pulseHref}>
              {t('pulse.overview.full', { name: s.name })}
            </a>
          </p>
        </section>
      ))}
      <section aria-labelledby="overview-reviews">
        <h2 class="utrecht-heading-2" id="overview-reviews">
          {t('pulse.overview.reviews')}
        </h2>
        {vm.reviews.length === 0 ? (
          <p class="utrecht-paragraph">{t('pulse.overview.noReviews')}</p>
        ) : (
          <>
            <p class="utrecht-paragraph">{t('pulse.overview.reviewsIntro')}</p>
            <ul class="utrecht-unordered-list">
              {vm.reviews.map((r) => (
                <li class="utrecht-unordered-list__item" key={r.title + r.where}>
                  {r.title} <span class="bk-meta">({r.where})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="overview-lessons">
        <h2 class="utrecht-heading-2" id="overview-lessons">
          {t('pulse.overview.lessons')}
        </h2>
        {vm.lessons.length === 0 ? (
          <p class="utrecht-paragraph">{t('pulse.overview.noLessons')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {vm.lessons.map((l) => (
              <li class="utrecht-unordered-list__item" key={l.href}>
                <a class="utrecht-link" href={l.href}>
                  {l.title}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="overview-reflect">
        <h2 class="utrecht-heading-2" id="overview-reflect">
          {t('pulse.overview.reflect')}
        </h2>
        <p class="utrecht-paragraph">{t('pulse.overview.reflectIntro')}</p>
        <ul class="utrecht-unordered-list">
          {vm.questions.map((q) => (
            <li class="utrecht-unordered-list__item" key={q}>
              {q}
            </li>
          ))}
        </ul>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/reflecties">
            {t('pulse.overview.reflectLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
