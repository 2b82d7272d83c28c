// The open invitations of a network, for its coordinators: to whom, role, sent and valid
// until; send again (a new code), print a new letter, revoke.
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface InvitationsViewModel {
  network: { id: number; name: string };
  invitations: {
    id: number;
    kind: 'email' | 'letter';
    /** The email address, or the name on the letter (or "a letter without a name"). */
    to: string;
    /** Short, for the buttons: the address or the name, or "zonder naam". */
    who: string;
    role: string;
    /** The language of the mail or letter, named in that language ("English"). */
    language: string;
    /** Its code, for the name's lang attribute (WCAG 3.1.2). */
    languageCode: 'nl' | 'en';
    sent: string;
    expires: string;
  }[];
}

export function InvitationsPage({ ctx, vm }: { ctx: ViewContext; vm: InvitationsViewModel }) {
  const { t } = ctx;
  const title = t('invitations.title', { network: vm.network.name });
  const base = `/netwerk/${vm.network.id}/uitnodigingen`;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('invitations.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/uitnodigen`}>
          {t('invitations.new')}
        </a>
      </p>
      {vm.invitations.length === 0 ? (
        <p class="utrecht-paragraph">{t('invitations.none')}</p>
      ) : (
        <ul class="bk-list-plain">
          {vm.invitations.map((i) => (
            <li class="bk-card" key={i.id}>
              <h2 class="utrecht-heading-3">{i.to}</h2>
              <dl class="bk-facts">
                <dt>{t('invitations.role')}</dt>
                <dd>{i.role}</dd>
                <dt>{t('invitations.language')}</dt>
                <dd lang={i.languageCode}>{i.language}</dd>
                <dt>{t('invitations.sent')}</dt>
                <dd>{i.sent}</dd>
                <dt>{t('invitations.expires')}</dt>
                <dd>{i.expires}</dd>
              </dl>
              <div class="bk-actions">
                <form method="post" action={`${base}/${i.id}/opnieuw`}>
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                    {i.kind === 'email'
                      ? t('invitations.resend', { who: i.who })
                      : t('invitations.reprint', { who: i.who })}
                  </button>
                </form>
                <form method="post" action={`${base}/${i.id}/intrekken`}>
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button type="submit" class="utrecht-button utrecht-button--subtle">
                    {t('invitations.revoke', { who: i.who })}
                  </button>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
