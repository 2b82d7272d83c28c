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

/** What the statements show: the platform's text filled in with the organisation's settings. */
export interface LegalViewModel {
  organisation: string;
  /** Null when no contact was set: the statements then point to the coordinator. */
  contact: string | null;
  address: string | null;
  /** The organisation's own addition in the page's language, as paragraphs. */
  note: string[];
}

export interface AccessibilityViewModel extends LegalViewModel {
  status: 'full' | 'partial' | 'none' | 'unknown';
  reviewedOn: string | null;
  issues: string[];
}

export interface PrivacyViewModel extends LegalViewModel {
  signalMonths: number;
  accountMonths: number;
  /** How long the outbox keeps a mail it is done with, in days. */
  mailDays: number;
}

function Note({ ctx, vm }: { ctx: ViewContext; vm: LegalViewModel }) {
  if (vm.note.length === 0) return null;
  return (
    <section>
      <h2 class="utrecht-heading-2">
        {ctx.t('legal.noteTitle', { organisation: vm.organisation })}
      </h2>
      {vm.note.map((p) => (
        <p class="utrecht-paragraph">{p}</p>
      ))}
    </section>
  );
}

/** The accessibility statement, in the structure of the Dutch model statement. */
export function AccessibilityPage({ ctx, vm }: { ctx: ViewContext; vm: AccessibilityViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('accessibility.title')}>
      <h1 class="utrecht-heading-1">{t('accessibility.title')}</h1>
      <p class="utrecht-paragraph">{t('accessibility.intro', { organisation: vm.organisation })}</p>
      <h2 class="utrecht-heading-2">{t('accessibility.statusTitle')}</h2>
      <p class="utrecht-paragraph">
        {t(`accessibility.status.${vm.status}`, { organisation: vm.organisation })}
      </p>
      {vm.reviewedOn ? (
        <p class="utrecht-paragraph">{t('accessibility.reviewedOn', { date: vm.reviewedOn })}</p>
      ) : null}
      <h2 class="utrecht-heading-2">{t('accessibility.testedTitle')}</h2>
      <p class="utrecht-paragraph">{t('accessibility.tested')}</p>
      <h2 class="utrecht-heading-2">{t('accessibility.issuesTitle')}</h2>
      {vm.issues.length === 0 ? (
        <p class="utrecht-paragraph">{t('accessibility.noIssues')}</p>
      ) : (
        vm.issues.map((p) => <p class="utrecht-paragraph">{p}</p>)
      )}
      <h2 class="utrecht-heading-2">{t('accessibility.contactTitle')}</h2>
      <p class="utrecht-paragraph">
        {vm.contact
          ? t('accessibility.contact', { contact: vm.contact })
          : t('accessibility.contactNone')}
      </p>
      <Note ctx={ctx} vm={vm} />
    </Layout>
  );
}

/** The privacy statement: controller, purposes, legal bases, retention, rights (AVG). */
export function PrivacyPage({ ctx, vm }: { ctx: ViewContext; vm: PrivacyViewModel }) {
  const { t } = ctx;
  const list = (keys: Parameters<typeof t>[0][]) => (
    <ul class="utrecht-unordered-list">
      {keys.map((k) => (
        <li class="utrecht-unordered-list__item">{t(k)}</li>
      ))}
    </ul>
  );
  return (
    <Layout ctx={ctx} title={t('privacy.title')}>
      <h1 class="utrecht-heading-1">{t('privacy.title')}</h1>
      <p class="utrecht-paragraph">{t('privacy.intro', { organisation: vm.organisation })}</p>
      <h2 class="utrecht-heading-2">{t('privacy.controllerTitle')}</h2>
      <p class="utrecht-paragraph">{t('privacy.controller', { organisation: vm.organisation })}</p>
      {vm.address ? (
        <p class="utrecht-paragraph">{t('legal.address', { address: vm.address })}</p>
      ) : null}
      <p class="utrecht-paragraph">
        {vm.contact ? t('privacy.contact', { contact: vm.contact }) : t('privacy.contactNone')}
      </p>
      <h2 class="utrecht-heading-2">{t('privacy.whatTitle')}</h2>
      {list(['privacy.what.account', 'privacy.what.work', 'privacy.what.vote', 'privacy.what.log'])}
      <h2 class="utrecht-heading-2">{t('privacy.basisTitle')}</h2>
      <p class="utrecht-paragraph">{t('privacy.basis')}</p>
      <h2 class="utrecht-heading-2">{t('privacy.retentionTitle')}</h2>
      <ul class="utrecht-unordered-list">
        <li class="utrecht-unordered-list__item">
          {t('privacy.retention.signals', { months: vm.signalMonths })}
        </li>
        <li class="utrecht-unordered-list__item">
          {t('privacy.retention.accounts', { months: vm.accountMonths })}
        </li>
        <li class="utrecht-unordered-list__item">
          {t('privacy.retention.mail', { days: vm.mailDays })}
        </li>
      </ul>
      <h2 class="utrecht-heading-2">{t('privacy.rightsTitle')}</h2>
      {list([
        'privacy.rights.access',
        'privacy.rights.correct',
        'privacy.rights.erase',
        'privacy.rights.object',
        'privacy.rights.complain',
      ])}
      <h2 class="utrecht-heading-2">{t('privacy.cookiesTitle')}</h2>
      <p class="utrecht-paragraph">{t('privacy.cookies')}</p>
      <Note ctx={ctx} vm={vm} />
    </Layout>
  );
}
