import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Checkbox, Form, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { AccountSections, type AccountViewModel, LeaveNetworkForm } from './account.js';

export interface AuditViewModel {
  title: string;
  /** Administrators see the technical columns too; coordinators only the plain words. */
  technical: boolean;
  rows: {
    id: number;
    when: string;
    /** A name, "oud-lid" or "onbekend": never an address. */
    who: string;
    /** What was done, in plain words. */
    what: string;
    /** Which item, in words. */
    object: string;
    /** Only on the administrators' page. */
    technical?: { action: string; result: string; origin: string; detail: string };
  }[];
  newer?: string | undefined;
  older?: string | undefined;
  /** On the administrators' page: the way to the outbox. */
  outboxLink?: boolean;
}

export function AuditPage({ ctx, vm }: { ctx: ViewContext; vm: AuditViewModel }) {
  const { t } = ctx;
  const columns = vm.technical
    ? (['when', 'who', 'what', 'object', 'code', 'result', 'origin', 'detail'] as const)
    : (['when', 'who', 'what', 'object'] as const);
  return (
    <Layout ctx={ctx} title={vm.title}>
      <h1 class="utrecht-heading-1">{vm.title}</h1>
      <p class="utrecht-paragraph">{t('audit.intro')}</p>
      {vm.technical ? <p class="utrecht-paragraph">{t('audit.introTechnical')}</p> : null}
      {vm.outboxLink ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/beheer/uitgaande-mail">
            {t('outbox.title')}
          </a>
        </p>
      ) : null}
      <section class="bk-table-wrap" aria-label={vm.title} tabindex={0}>
        <table class="utrecht-table utrecht-table--html-table bk-audit">
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              {columns.map((c) => (
                <th class="utrecht-table__header-cell" scope="col" key={c}>
                  {t(`audit.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {vm.rows.map((r) => (
              <tr class="utrecht-table__row" key={r.id}>
                <td class="utrecht-table__cell">{r.when}</td>
                <td class="utrecht-table__cell">{r.who}</td>
                <td class="utrecht-table__cell">{r.what}</td>
                <td class="utrecht-table__cell">{r.object}</td>
                {r.technical ? (
                  <>
                    <td class="utrecht-table__cell">
                      <code>{r.technical.action}</code>
                    </td>
                    <td class="utrecht-table__cell">{r.technical.result}</td>
                    <td class="utrecht-table__cell">{r.technical.origin}</td>
                    <td class="utrecht-table__cell">{r.technical.detail}</td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <nav class="bk-pager" aria-label={vm.title}>
        {vm.newer ? (
          <a class="utrecht-link" href={vm.newer}>
            {t('audit.newer')}
          </a>
        ) : null}
        {vm.older ? (
          <a class="utrecht-link" href={vm.older}>
            {t('audit.older')}
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}

export interface OutboxViewModel {
  /** Says whether mail goes to a mail server or is only kept here. */
  intro: string;
  mails: {
    id: number;
    to: string;
    subject: string;
    when: string;
    status: 'waiting' | 'sent' | 'failed' | 'kept';
    /** The state in words: kept, waiting, attempt n failed (next at …), sent at …, given up. */
    state: string;
    /** Only for mail kept without a mail server. */
    body?: string;
    /** The last error of the mail server, in words for the administrator. */
    error?: string;
  }[];
}

export function OutboxPage({ ctx, vm }: { ctx: ViewContext; vm: OutboxViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('outbox.title')}>
      <h1 class="utrecht-heading-1">{t('outbox.title')}</h1>
      <p class="utrecht-paragraph">{vm.intro}</p>
      {vm.mails.length === 0 ? <p class="utrecht-paragraph">{t('outbox.empty')}</p> : null}
      {vm.mails.map((m) => (
        <article class={`bk-card bk-mail bk-mail--${m.status}`} key={m.id}>
          <h2 class="utrecht-heading-3">{m.subject}</h2>
          <p class="utrecht-paragraph">
            {t('outbox.to', { to: m.to })} · {m.when}
          </p>
          <p class="utrecht-paragraph bk-mail__state">
            <strong>{m.state}</strong>
            {m.error ? (
              <>
                <br />
                {m.error}
              </>
            ) : null}
          </p>
          {m.body === undefined ? null : <pre class="bk-mail__body">{m.body}</pre>}
        </article>
      ))}
    </Layout>
  );
}

export interface MyDataViewModel extends FormState {
  name: string;
  email: string | null;
  username: string | null;
  memberships: { networkId: number; networkName: string; roleLabel: string; listed: boolean }[];
  /** Name, email address, password, language and sessions: the self-service forms. */
  account: AccountViewModel;
}

export function MyDataPage({ ctx, vm }: { ctx: ViewContext; vm: MyDataViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('myData.title')}>
      <h1 class="utrecht-heading-1">{t('myData.title')}</h1>
      <p class="utrecht-paragraph">{t('myData.intro')}</p>
      <h2 class="utrecht-heading-2">{t('myData.account')}</h2>
      <dl class="bk-facts">
        <dt>{t('myData.name')}</dt>
        <dd>{vm.name}</dd>
        {vm.email ? (
          <>
            <dt>{t('myData.email')}</dt>
            <dd>{vm.email}</dd>
          </>
        ) : null}
        {vm.username ? (
          <>
            <dt>{t('myData.username')}</dt>
            <dd>{vm.username}</dd>
          </>
        ) : null}
      </dl>
      <AccountSections ctx={ctx} vm={vm.account} />
      {vm.memberships.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('myData.memberships')}</h2>
          {vm.memberships.map((m) => (
            <div class="bk-card" key={m.networkId}>
              <form method="post" action="/mijn-gegevens/zichtbaarheid">
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <input type="hidden" name="networkId" value={String(m.networkId)} />
                <h3 class="utrecht-heading-3">
                  {m.networkName} · {m.roleLabel}
                </h3>
                <Checkbox
                  name={`listed-${m.networkId}`}
                  label={t('myData.listedToggle', { network: m.networkName })}
                  checked={m.listed}
                />
                <SubmitButton variant="secondary">{t('myData.saveListed')}</SubmitButton>
              </form>
              <LeaveNetworkForm ctx={ctx} networkId={m.networkId} networkName={m.networkName} />
            </div>
          ))}
        </>
      ) : null}
      <h2 class="utrecht-heading-2">{t('myData.download.title')}</h2>
      <p class="utrecht-paragraph">{t('myData.download.body')}</p>
      <form method="post" action="/mijn-gegevens/download">
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <SubmitButton variant="secondary">{t('myData.download.submit')}</SubmitButton>
      </form>
      <h2 class="utrecht-heading-2">{t('myData.erase.title')}</h2>
      <p class="utrecht-paragraph">{t('myData.erase.body')}</p>
      <Form ctx={ctx} action="/mijn-gegevens/verwijderen" errors={vm.errors}>
        <TextField
          name="password"
          type="password"
          label={t('myData.erase.password')}
          error={vm.errors?.password}
          autocomplete="current-password"
          required
        />
        <Checkbox
          name="confirm"
          label={t('myData.erase.confirm')}
          error={vm.errors?.confirm}
          checked={false}
        />
        <SubmitButton variant="danger">{t('myData.erase.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
