// The signals pages, fed by view models built in routes.tsx.
import type { FormErrors, FormValues } from '../../../platform/forms.js';
import { BarChart, type ChartSeries } from '../../../platform/views/BarChart.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';

/** A choice in a select or radio group. */
export type Option = { value: string; label: string };
interface NetworkRef {
  id: number;
  name: string;
}

export interface SignalListViewModel {
  network: NetworkRef;
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
  filter: { status: string; theme: string };
  statusOptions: Option[];
  themeOptions: Option[];
  canCreate: boolean;
  canModerate: boolean;
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
        {vm.canModerate ? (
          <>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link" href={`${base}/moderatie`}>
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
          <table class="utrecht-table utrecht-table--html-table">
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
                    <a class="utrecht-link" href={`${base}/${r.id}`}>
                      {r.title}
                    </a>
                    {r.personBound ? (
                      <span class="bk-tag"> ({t('signals.personBound')})</span>
                    ) : null}
                  </th>
                  <td class="utrecht-table__cell">{r.theme}</td>
                  <td class="utrecht-table__cell">{r.place}</td>
                  <td class="utrecht-table__cell">{r.status}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {r.followers}
                  </td>
                  <td class="utrecht-table__cell">{r.date}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface NewSignalViewModel {
  network: NetworkRef;
  themeOptions: Option[];
  raisedByOptions: Option[];
  originOptions: Option[];
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
  /** Personal details found in the text: shown as a warning; submitting again confirms. */
  warnings?: string[] | undefined;
  fingerprint?: string | undefined;
}

export function NewSignalPage({ ctx, vm }: { ctx: ViewContext; vm: NewSignalViewModel }) {
  const { t } = ctx;
  const v = vm.values ?? {};
  const e = vm.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('signals.new.title')}>
      <h1 class="utrecht-heading-1">{t('signals.new.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.new.intro')}</p>
      {vm.warnings && vm.warnings.length > 0 ? (
        <div class="utrecht-alert utrecht-alert--warning bk-warning" role="alert">
          <h2 class="utrecht-heading-2">{t('signals.warning.title')}</h2>
          <p class="utrecht-paragraph">{t('signals.warning.intro')}</p>
          <ul class="utrecht-unordered-list">
            {vm.warnings.map((w) => (
              <li class="utrecht-unordered-list__item" key={w}>
                {w}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form ctx={ctx} action={`/netwerk/${vm.network.id}/signalen/nieuw`} errors={vm.errors}>
        {vm.fingerprint ? <input type="hidden" name="bevestigd" value={vm.fingerprint} /> : null}
        <TextField
          name="title"
          label={t('signals.field.title')}
          value={v.title}
          error={e.title}
          maxLength={120}
          required
        />
        <TextArea
          name="description"
          label={t('signals.field.description')}
          value={v.description}
          error={e.description}
          maxLength={4000}
        />
        <SelectField
          name="theme"
          label={t('signals.field.theme')}
          options={vm.themeOptions}
          value={v.theme}
          error={e.theme}
          placeholder=""
          required
        />
        <TextField
          name="place"
          label={t('signals.field.place')}
          description={t('signals.field.place.hint')}
          value={v.place}
          error={e.place}
          maxLength={120}
        />
        <TextArea
          name="trigger"
          label={t('signals.field.trigger')}
          description={t('signals.field.trigger.hint')}
          value={v.trigger}
          error={e.trigger}
          rows={2}
          maxLength={1000}
        />
        <RadioGroup
          name="raisedBy"
          label={t('signals.field.raisedBy')}
          options={vm.raisedByOptions}
          value={v.raisedBy}
          error={e.raisedBy}
        />
        <RadioGroup
          name="origin"
          label={t('signals.field.origin')}
          options={vm.originOptions}
          value={v.origin}
          error={e.origin}
        />
        <Checkbox
          name="personBound"
          label={t('signals.field.personBound')}
          description={t('signals.field.personBound.hint')}
          checked={v.personBound === 'on'}
          error={e.personBound}
        />
        <SubmitButton>{t('signals.field.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface SignalDetailViewModel {
  network: NetworkRef;
  signal: {
    id: number;
    title: string;
    description: string;
    theme: string;
    place: string;
    trigger: string;
    raisedBy: string;
    origin: string;
    status: string;
    outcome: string | null;
    personBound: boolean;
    anonymised: boolean;
    created: string;
  };
  followers: { name: string; role: string }[];
  updates: { id: number; when: string; author: string; text: string; isStatus: boolean }[];
  canJoin: boolean;
  canPost: boolean;
  canManage: boolean;
  next: { status: string; label: string; needsOutcome: boolean } | undefined;
  memberOptions: Option[];
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
}

export function SignalDetailPage({ ctx, vm }: { ctx: ViewContext; vm: SignalDetailViewModel }) {
  const { t } = ctx;
  const s = vm.signal;
  const base = `/netwerk/${vm.network.id}/signalen/${s.id}`;
  const row = (label: string, value: string | null) =>
    value ? (
      <>
        <dt class="bk-dl__term">{label}</dt>
        <dd class="bk-dl__value">{value}</dd>
      </>
    ) : null;
  return (
    <Layout ctx={ctx} title={s.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/signalen`}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{s.title}</h1>
      {s.personBound ? (
        <div class="utrecht-alert utrecht-alert--warning" role="note">
          <p class="utrecht-paragraph">{t('signals.detail.personBound')}</p>
        </div>
      ) : null}
      {s.anonymised ? <p class="utrecht-paragraph">{t('signals.detail.anonymised')}</p> : null}
      {s.description ? <p class="utrecht-paragraph bk-pre-line">{s.description}</p> : null}
      <dl class="bk-dl">
        {row(t('signals.detail.status'), s.status)}
        {row(t('signals.detail.theme'), s.theme)}
        {row(t('signals.detail.place'), s.place)}
        {row(t('signals.detail.trigger'), s.trigger)}
        {row(t('signals.detail.raisedBy'), s.raisedBy)}
        {row(t('signals.detail.origin'), s.origin)}
        {row(t('signals.detail.created'), s.created)}
        {row(t('signals.detail.outcome'), s.outcome)}
      </dl>

      <section aria-labelledby="duo-title">
        <h2 class="utrecht-heading-2" id="duo-title">
          {t('signals.duo.title')}
        </h2>
        {vm.followers.length === 0 ? (
          <p class="utrecht-paragraph">{t('signals.duo.none')}</p>
        ) : (
          <ul class="utrecht-unordered-list">
            {vm.followers.map((f, i) => (
              <li class="utrecht-unordered-list__item" key={i}>
                {f.name} ({f.role})
              </li>
            ))}
          </ul>
        )}
        <p class="utrecht-paragraph">{t('signals.duo.rule')}</p>
        {vm.canJoin ? (
          <Form ctx={ctx} action={`${base}/duo`}>
            <SubmitButton variant="secondary">{t('signals.duo.join')}</SubmitButton>
          </Form>
        ) : null}
        {vm.canManage && vm.memberOptions.length > 0 ? (
          <Form ctx={ctx} action={`${base}/duo/toevoegen`}>
            <SelectField
              name="personId"
              label={t('signals.duo.addPerson')}
              options={vm.memberOptions}
            />
            <SubmitButton variant="secondary">{t('signals.duo.addSubmit')}</SubmitButton>
          </Form>
        ) : null}
      </section>

      {vm.canManage ? (
        <section aria-labelledby="status-title">
          <h2 class="utrecht-heading-2" id="status-title">
            {t('signals.status.title')}
          </h2>
          {vm.next ? (
            <Form ctx={ctx} action={`${base}/status`} errors={vm.errors}>
              <input type="hidden" name="to" value={vm.next.status} />
              {vm.next.needsOutcome ? (
                <TextArea
                  name="outcome"
                  label={t('signals.status.outcome')}
                  description={t('signals.status.outcome.hint')}
                  value={vm.values?.outcome}
                  error={vm.errors?.outcome}
                  rows={3}
                  maxLength={4000}
                />
              ) : null}
              <SubmitButton>{vm.next.label}</SubmitButton>
            </Form>
          ) : (
            <p class="utrecht-paragraph">{t('signals.status.final')}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="updates-title">
        <h2 class="utrecht-heading-2" id="updates-title">
          {t('signals.updates.title')}
        </h2>
        {vm.updates.length === 0 ? (
          <p class="utrecht-paragraph">{t('signals.updates.none')}</p>
        ) : (
          <ol class="bk-thread">
            {vm.updates.map((u) => (
              <li
                class={`bk-thread__item ${u.isStatus ? 'bk-thread__item--status' : ''}`}
                key={u.id}
              >
                <p class="utrecht-paragraph bk-thread__meta">
                  {u.author} · {u.when}
                </p>
                <p class="utrecht-paragraph bk-pre-line">{u.text}</p>
              </li>
            ))}
          </ol>
        )}
        {vm.canPost ? (
          <Form
            ctx={ctx}
            action={`${base}/bericht`}
            errors={vm.next?.needsOutcome ? undefined : undefined}
          >
            <TextArea
              name="text"
              label={t('signals.updates.text')}
              value={vm.values?.text}
              error={vm.errors?.text}
              rows={3}
              maxLength={4000}
            />
            <SubmitButton variant="secondary">{t('signals.updates.submit')}</SubmitButton>
          </Form>
        ) : null}
      </section>
    </Layout>
  );
}

export interface PatternViewModel {
  network: NetworkRef;
  /** The months shown, oldest first: column header and label under the bar. */
  periods: { key: string; label: string; short: string }[];
  /** Per theme (by label), its count per month. */
  series: ChartSeries[];
  totals: number[];
  total: number;
}

export function PatternPage({ ctx, vm }: { ctx: ViewContext; vm: PatternViewModel }) {
  const { t } = ctx;
  const title = t('signals.pattern.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/signalen`}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.pattern.intro')}</p>
      {vm.total === 0 ? <p class="utrecht-paragraph">{t('signals.pattern.empty')}</p> : null}
      <BarChart
        id="pattern-chart"
        title={t('signals.pattern.chartTitle')}
        description={t('signals.pattern.chartDesc', { total: vm.total })}
        periods={vm.periods}
        series={vm.series}
        totals={vm.totals}
        total={vm.total}
        categoryHeader={t('signals.col.theme')}
        totalLabel={t('signals.pattern.total')}
      />
    </Layout>
  );
}

export interface ModerationViewModel {
  network: NetworkRef;
  items: {
    id: number;
    title: string;
    description: string;
    place: string;
    contact: string;
    date: string;
  }[];
  themeOptions: Option[];
}

export function ModerationPage({ ctx, vm }: { ctx: ViewContext; vm: ModerationViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/signalen`;
  return (
    <Layout ctx={ctx} title={t('signals.moderation.title')}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{t('signals.moderation.title')}</h1>
      <p class="utrecht-paragraph">{t('signals.moderation.intro')}</p>
      {vm.items.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.moderation.empty')}</p>
      ) : null}
      {vm.items.map((item) => (
        <section class="bk-card" aria-labelledby={`pending-${item.id}`} key={item.id}>
          <h2 class="utrecht-heading-3" id={`pending-${item.id}`}>
            {item.title}
          </h2>
          <p class="utrecht-paragraph bk-pre-line">{item.description}</p>
          <dl class="bk-dl">
            <dt class="bk-dl__term">{t('signals.detail.place')}</dt>
            <dd class="bk-dl__value">{item.place || '–'}</dd>
            <dt class="bk-dl__term">{t('signals.moderation.contact')}</dt>
            <dd class="bk-dl__value">{item.contact}</dd>
            <dt class="bk-dl__term">{t('signals.detail.created')}</dt>
            <dd class="bk-dl__value">{item.date}</dd>
          </dl>
          <form method="post" action={`${base}/${item.id}/goedkeuren`} class="utrecht-form bk-form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <label class="utrecht-form-label" for={`theme-${item.id}`}>
              {t('signals.moderation.theme')}
            </label>
            <select
              class="utrecht-select utrecht-select--html-select"
              id={`theme-${item.id}`}
              name="theme"
            >
              {vm.themeOptions.map((o) => (
                <option value={o.value} key={o.value} selected={o.value === 'other'}>
                  {o.label}
                </option>
              ))}
            </select>
            <SubmitButton>{t('signals.moderation.approve')}</SubmitButton>
          </form>
          <form method="post" action={`${base}/${item.id}/afwijzen`} class="utrecht-form bk-form">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <SubmitButton variant="danger">{t('signals.moderation.reject')}</SubmitButton>
          </form>
        </section>
      ))}
    </Layout>
  );
}

export interface ThemesViewModel {
  network: NetworkRef;
  defaults: string[];
  extras: string[];
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
}

export function ThemesPage({ ctx, vm }: { ctx: ViewContext; vm: ThemesViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/signalen/themas`;
  const title = t('signals.themes.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/signalen`}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.themes.intro')}</p>
      <h2 class="utrecht-heading-2">{t('signals.themes.default')}</h2>
      <ul class="utrecht-unordered-list">
        {vm.defaults.map((d) => (
          <li class="utrecht-unordered-list__item" key={d}>
            {d}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{t('signals.themes.extra')}</h2>
      {vm.extras.length === 0 ? <p class="utrecht-paragraph">{t('signals.themes.none')}</p> : null}
      <ul class="utrecht-unordered-list">
        {vm.extras.map((theme) => (
          <li class="utrecht-unordered-list__item" key={theme}>
            {theme}{' '}
            <form method="post" action={`${base}/verwijderen`} class="bk-inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrfToken} />
              <input type="hidden" name="theme" value={theme} />
              <SubmitButton variant="secondary">
                {t('signals.themes.remove', { theme })}
              </SubmitButton>
            </form>
          </li>
        ))}
      </ul>
      <Form ctx={ctx} action={base} errors={vm.errors}>
        <TextField
          name="theme"
          label={t('signals.themes.name')}
          value={vm.values?.theme}
          error={vm.errors?.theme}
          maxLength={40}
        />
        <SubmitButton>{t('signals.themes.add')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface PublicSignalViewModel {
  network: { name: string; slug: string };
  token: string;
  errors?: FormErrors | undefined;
  values?: FormValues | undefined;
  sent?: boolean;
}

export function PublicSignalPage({ ctx, vm }: { ctx: ViewContext; vm: PublicSignalViewModel }) {
  const { t } = ctx;
  const v = vm.values ?? {};
  const e = vm.errors ?? {};
  if (vm.sent) {
    return (
      <Layout ctx={ctx} title={t('signals.public.thanks.title')}>
        <h1 class="utrecht-heading-1">{t('signals.public.thanks.title')}</h1>
        <p class="utrecht-paragraph">{t('signals.public.thanks.text')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/buurt/${vm.network.slug}`}>
            {t('signals.public.back')}
          </a>
        </p>
      </Layout>
    );
  }
  const title = t('signals.public.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{t('signals.public.intro')}</p>
      <Form ctx={ctx} action={`/buurt/${vm.network.slug}/signaal`} errors={vm.errors}>
        <input type="hidden" name="token" value={vm.token} />
        <TextArea
          name="what"
          label={t('signals.public.what')}
          value={v.what}
          error={e.what}
          maxLength={2000}
          required
        />
        <TextField
          name="where"
          label={t('signals.public.where')}
          value={v.where}
          error={e.where}
          maxLength={120}
        />
        <TextField
          name="email"
          type="email"
          autocomplete="email"
          label={t('signals.public.email')}
          optionalLabel={t('form.optional')}
          value={v.email}
          error={e.email}
          maxLength={200}
        />
        <div class="bk-visually-hidden" aria-hidden="true">
          <label for="field-website">{t('signals.public.honeypot')}</label>
          <input
            id="field-website"
            name="website"
            type="text"
            tabIndex={-1}
            autocomplete="off"
            value=""
          />
        </div>
        <SubmitButton>{t('signals.public.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
