// The block on a network's public page that invites anyone to tell what is going on.
import type { Translate } from '../../platform/i18n/index.js';

export function signalsPublicSection(slug: string, t: Translate) {
  return {
    title: t('signals.public.section'),
    body: (
      <>
        <p class="utrecht-paragraph">{t('signals.public.sectionText')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/buurt/${encodeURIComponent(slug)}/signaal`}>
            {t('signals.public.sectionLink')}
          </a>
        </p>
      </>
    ),
  };
}
