// The list of one's notifications (/meldingen): newest first, unread ones marked, each with
// a link and a "read" button; works without JavaScript (plain links and forms).
import type { PageModel } from '../../../platform/pagination.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Pagination } from '../../../platform/views/Pagination.js';

export interface NotificationItemModel {
  id: number;
  text: string;
  link: string;
  when: string;
  unread: boolean;
}

export interface NotificationListModel {
  items: NotificationItemModel[];
  unread: number;
  page: PageModel;
  settings: string;
}

function CsrfField({ ctx }: { ctx: ViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export function NotificationListPage({ ctx, vm }: { ctx: ViewContext; vm: NotificationListModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notifications.list.title')}>
      <h1 class="utrecht-heading-1">{t('notifications.list.title')}</h1>
      <p class="utrecht-paragraph">{t('notifications.list.intro')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={vm.settings}>
          {t('notifications.list.settings')}
        </a>
      </p>
      {vm.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('notifications.list.none')}</p>
      ) : (
        <>
          {vm.unread > 0 ? (
            <form method="post" action="/meldingen/gelezen" class="bk-inline-form">
              <CsrfField ctx={ctx} />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                {t('notifications.list.markAll')}
              </button>
            </form>
          ) : null}
          <ul class="bk-notifications">
            {vm.items.map((item) => (
              <li
                key={item.id}
                class={`bk-notification${item.unread ? ' bk-notification--unread' : ''}`}
              >
                <p class="utrecht-paragraph">
                  {item.unread ? (
                    <strong class="bk-notification__new">{t('notifications.list.unread')}: </strong>
                  ) : null}
                  {item.text}
                </p>
                <p class="utrecht-paragraph bk-notification__meta">
                  <span>{item.when}</span>{' '}
                  <a class="utrecht-link" href={item.link}>
                    {t('notifications.list.open')}
                  </a>
                </p>
                {item.unread ? (
                  <form
                    method="post"
                    action={`/meldingen/${item.id}/gelezen`}
                    class="bk-inline-form"
                  >
                    <CsrfField ctx={ctx} />
                    <button
                      type="submit"
                      class="utrecht-button utrecht-button--secondary-action bk-notification__read"
                    >
                      {t('notifications.list.markRead')}
                      <span class="bk-visually-hidden">: {item.text}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
          <Pagination ctx={ctx} model={vm.page} />
        </>
      )}
    </Layout>
  );
}
