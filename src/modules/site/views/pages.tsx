import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';

export function HomePage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  const ways = [
    { key: 'resident', href: '/buurten' },
    { key: 'professional', href: '/inloggen' },
    { key: 'visitor', href: '/buurten' },
  ] as const;
  return (
    <Layout ctx={ctx} title={t('home.title')}>
      <h1 class="utrecht-heading-1">{t('home.title')}</h1>
      <p class="utrecht-paragraph bk-lead">{t('home.lead')}</p>
      <h2 class="utrecht-heading-2">{t('home.ways.title')}</h2>
      <ul class="bk-cards">
        {ways.map((w) => (
          <li class="bk-card" key={w.key}>
            <h3 class="utrecht-heading-3">
              <a class="utrecht-link" href={w.href}>
                {t(`home.ways.${w.key}.title`)}
              </a>
            </h3>
            <p class="utrecht-paragraph">{t(`home.ways.${w.key}.body`)}</p>
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('home.ideas.title')}</h2>
      <ul class="utrecht-unordered-list bk-ideas">
        <li>{t('home.ideas.residents')}</li>
        <li>{t('home.ideas.listen')}</li>
        <li>{t('home.ideas.experiment')}</li>
        <li>{t('home.ideas.sparks')}</li>
        <li>{t('home.ideas.budget')}</li>
      </ul>
    </Layout>
  );
}

export function AccessibilityPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accessibility.title')}>
      <h1 class="utrecht-heading-1">{t('accessibility.title')}</h1>
      <p class="utrecht-paragraph">{t('accessibility.body1')}</p>
      <p class="utrecht-paragraph">{t('accessibility.body2')}</p>
      <p class="utrecht-paragraph">{t('accessibility.body3')}</p>
    </Layout>
  );
}

export function PrivacyPage({ ctx }: { ctx: ViewContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('privacy.title')}>
      <h1 class="utrecht-heading-1">{t('privacy.title')}</h1>
      <p class="utrecht-paragraph">{t('privacy.body1')}</p>
      <p class="utrecht-paragraph">{t('privacy.body2')}</p>
      <p class="utrecht-paragraph">{t('privacy.body3')}</p>
      <p class="utrecht-paragraph">{t('privacy.body4')}</p>
      <p class="utrecht-paragraph">{t('privacy.cookies')}</p>
    </Layout>
  );
}
