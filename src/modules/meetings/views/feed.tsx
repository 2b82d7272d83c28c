// "Agenda in uw telefoon": a member's secret calendar feed address, and how to add it.
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface FeedViewModel {
  network: { id: number; name: string };
  /** Whether the person has an address already (it cannot be shown again: only its hash is kept). */
  hasToken: boolean;
  /** The new address, right after making it; null otherwise. */
  address: string | null;
}

/** The page where a member makes or renews their feed address, with plain add-to-calendar help. */
export function FeedPage({ ctx, vm }: { ctx: ViewContext; vm: FeedViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten`;
  const title = t('meetings.feedPage.title');
  const webcal = vm.address ? vm.address.replace(/^https?:/, 'webcal:') : null;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('meetings.feedPage.intro', { network: vm.network.name })}</p>
      {vm.address && webcal ? (
        <section class="bk-feed-address" aria-labelledby="feed-address">
          <h2 class="utrecht-heading-2" id="feed-address">
            {t('meetings.feedPage.yourAddress')}
          </h2>
          <p class="utrecht-paragraph">{t('meetings.feedPage.secret')}</p>
          <p class="utrecht-paragraph bk-feed-address__value">
            <code>{vm.address}</code>
          </p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={webcal}>
              {t('meetings.feedPage.open')}
            </a>
          </p>
          <p class="utrecht-paragraph">{t('meetings.feedPage.shownOnce')}</p>
        </section>
      ) : vm.hasToken ? (
        <p class="utrecht-paragraph">{t('meetings.feedPage.haveOne')}</p>
      ) : null}
      <Form ctx={ctx} action={`${base}/in-uw-agenda`}>
        {vm.hasToken ? <p class="utrecht-paragraph">{t('meetings.feedPage.renewHint')}</p> : null}
        <SubmitButton variant={vm.hasToken ? 'secondary' : 'primary'}>
          {vm.hasToken ? t('meetings.feedPage.renew') : t('meetings.feedPage.make')}
        </SubmitButton>
      </Form>
      <h2 class="utrecht-heading-2">{t('meetings.feedPage.howTitle')}</h2>
      <h3 class="utrecht-heading-3">{t('meetings.feedPage.iphoneTitle')}</h3>
      <p class="utrecht-paragraph">{t('meetings.feedPage.iphone')}</p>
      <h3 class="utrecht-heading-3">{t('meetings.feedPage.androidTitle')}</h3>
      <p class="utrecht-paragraph">{t('meetings.feedPage.android')}</p>
      <h3 class="utrecht-heading-3">{t('meetings.feedPage.outlookTitle')}</h3>
      <p class="utrecht-paragraph">{t('meetings.feedPage.outlook')}</p>
      <p class="utrecht-paragraph">{t('meetings.feedPage.delay')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('meetings.back')}
        </a>
      </p>
    </Layout>
  );
}
