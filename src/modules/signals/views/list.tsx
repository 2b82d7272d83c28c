import type { PageModel } from '../../../platform/pagination.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { SelectField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Pagination } from '../../../platform/views/Pagination.js';
import type { NetworkRef, Option } from './shared.js';

export interface SignalListViewModel {
  network: NetworkRef;
  /** The pages of the list, 50 a page (platform/pagination.ts). */
  pages: PageModel;
  rows: {
    id: number;
    title: string;
    theme: string;
    place: string;
    status: string;
    personBound: boolean;
    followers: number;
    date: string;
  }[];
  hiddenPersonBound: number;
  filter: { status: string; theme: string; waiting: string };
  statusOptions: Option[];
  themeOptions: Option[];
  /** Open signals that wait: without a complete duo, without news, without a professional. */
  waitingOptions: Option[];
  canCreate: boolean;
  /** The moderation page filtered on signals, for those who may moderate; else null. */
  moderationHref: string | null;
}

function Filters({ ctx, vm }: { ctx: ViewContext; vm: SignalListViewModel }) {
  const { t } = ctx;
  return (
    <form method="get" action={`/netwerk/${vm.network.id}/signalen`} class="bk-form bk-filters">
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('signals.filter.title')}
        </legend>
        <SelectField
          name="status"
          label={t('signals.filter.status')}
          options={vm.statusOptions}
          placeholder={t('signals.filter.all')}
          value={vm.filter.status}
        />
        <SelectField
          name="thema"
          label={t('signals.filter.theme')}
          options={vm.themeOptions}
          placeholder={t('signals.filter.all')}
          value={vm.filter.theme}
        />
        <SelectField
          name="wacht"
          label={t('signals.filter.waiting')}
          options={vm.waitingOptions}
          placeholder={t('signals.filter.all')}
          value={vm.filter.waiting}
        />
        <SubmitButton variant="secondary">{t('signals.filter.submit')}</SubmitButton>
      </fieldset>
    </form>
  );
}

export function SignalListPage({ ctx, vm }: { ctx: ViewContext; vm: SignalListViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/signalen`;
  const title = t('signals.list.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.list.intro')}</p>
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        {vm.canCreate ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={`${base}/nieuw`}>
              {t('signals.list.new')}
            </a>
          </li>
        ) : null}
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/patroon`}>
            {t('signals.list.pattern')}
          </a>
        </li>
        {vm.moderationHref ? (
          <>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link" href={vm.moderationHref}>
                {t('signals.list.moderation')}
              </a>
            </li>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link" href={`${base}/themas`}>
                {t('signals.list.themes')}
              </a>
            </li>
          </>
        ) : null}
      </ul>
      <Filters ctx={ctx} vm={vm} />
      {vm.hiddenPersonBound > 0 ? (
        <p class="utrecht-paragraph bk-hidden-count">
          {t('signals.list.hidden', { count: vm.hiddenPersonBound })}
        </p>
      ) : null}
      {vm.rows.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.list.empty')}</p>
      ) : (
        <div class="bk-table-wrap">
          <table class="utrecht-table utrecht-table--html-table bk-stack-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('signals.col.title')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('signals.col.theme')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('signals.col.place')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('signals.col.status')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('signals.col.duo')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('signals.col.date')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {vm.rows.map((r) => (
                <tr class="utrecht-table__row" key={r.id}>
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" href={`${base}/${r.id}`} lang="nl">
                      {r.title}
                    </a>
                    {r.personBound ? (
                      <span class="bk-tag"> ({t('signals.personBound')})</span>
                    ) : null}
                  </th>
                  <td class="utrecht-table__cell" data-label={t('signals.col.theme')}>
                    {r.theme}
                  </td>
                  <td class="utrecht-table__cell" data-label={t('signals.col.place')}>
                    {r.place}
                  </td>
                  <td class="utrecht-table__cell" data-label={t('signals.col.status')}>
                    {r.status}
                  </td>
                  <td
                    class="utrecht-table__cell utrecht-table__cell--numeric-data"
                    data-label={t('signals.col.duo')}
                  >
                    {r.followers}
                  </td>
                  <td class="utrecht-table__cell" data-label={t('signals.col.date')}>
                    {r.date}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} model={vm.pages} />
    </Layout>
  );
}
