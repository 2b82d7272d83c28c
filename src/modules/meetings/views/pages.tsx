import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import {
  Checkbox,
  Form,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { sparksModule } from '../../sparks/index.js';

export interface MeetingSummary {
  id: number;
  label: string;
  when: string;
  place: string;
  isPublic: boolean;
}

export interface MeetingsViewModel {
  network: { id: number; name: string };
  upcoming: MeetingSummary[];
  past: MeetingSummary[];
  canManage: boolean;
}

function MeetingList({
  ctx,
  base,
  list,
}: {
  ctx: ViewContext;
  base: string;
  list: MeetingSummary[];
}) {
  if (list.length === 0) return <p class="utrecht-paragraph">{ctx.t('meetings.none')}</p>;
  return (
    <ul class="utrecht-unordered-list bk-meetings">
      {list.map((m) => (
        <li class="utrecht-unordered-list__item" key={m.id}>
          <a class="utrecht-link" href={`${base}/${m.id}`}>
            {m.label}
          </a>{' '}
          — {m.when}
          {m.place ? `, ${m.place}` : ''}
          {m.isPublic ? ` (${ctx.t('meetings.public')})` : ''}
        </li>
      ))}
    </ul>
  );
}

export function MeetingsPage({ ctx, vm }: { ctx: ViewContext; vm: MeetingsViewModel }) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten`;
  const title = t('meetings.title', { network: vm.network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      {vm.canManage ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/nieuw`}>
            {t('meetings.new')}
          </a>
        </p>
      ) : null}
      <h2 class="utrecht-heading-2">{t('meetings.upcoming')}</h2>
      <MeetingList ctx={ctx} base={base} list={vm.upcoming} />
      <h2 class="utrecht-heading-2">{t('meetings.past')}</h2>
      <MeetingList ctx={ctx} base={base} list={vm.past} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/agenda.ics`}>
          {t('meetings.feed.members')}
        </a>
      </p>
    </Layout>
  );
}

export interface MeetingFormViewModel {
  network: { id: number; name: string };
  meetingId?: number;
  kinds: { value: string; label: string }[];
  origins: { value: string; label: string }[];
  agendaRows: number;
  /** The limits the form states and the route enforces (items; characters). */
  limits: { agenda: number; text: number; minutes: number };
}

export function MeetingFormPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: MeetingFormViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten`;
  const action = vm.meetingId ? `${base}/${vm.meetingId}/bewerken` : `${base}/nieuw`;
  const title = vm.meetingId ? t('meetings.edit') : t('meetings.new');
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Form ctx={ctx} action={action} errors={state.errors}>
        <SelectField
          name="kind"
          label={t('meetings.kind')}
          options={vm.kinds}
          value={v.kind}
          error={e.kind}
        />
        <TextField
          name="title"
          label={t('meetings.titleField')}
          optionalLabel={t('meetings.optional')}
          description={t('meetings.textHint', { max: vm.limits.text })}
          value={v.title}
          error={e.title}
          maxLength={vm.limits.text}
        />
        <TextField
          name="date"
          type="date"
          label={t('meetings.date')}
          value={v.date}
          error={e.date}
        />
        <TextField
          name="time"
          type="time"
          label={t('meetings.time')}
          description={t('meetings.timeHint')}
          value={v.time}
          error={e.time}
        />
        <TextField
          name="place"
          label={t('meetings.place')}
          description={t('meetings.textHint', { max: vm.limits.text })}
          value={v.place}
          error={e.place}
          maxLength={vm.limits.text}
        />
        <Checkbox
          name="isPublic"
          label={t('meetings.isPublic')}
          description={t('meetings.isPublicHint')}
          checked={v.isPublic === 'on'}
        />
        <fieldset
          class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset bk-agenda-fields"
          id="field-agenda"
          aria-describedby={e.agenda ? 'field-agenda-error' : undefined}
        >
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('meetings.agenda')}
          </legend>
          <p class="utrecht-paragraph">
            {t('meetings.agendaHint', { max: vm.limits.agenda, chars: vm.limits.text })}
          </p>
          {e.agenda ? (
            <div class="utrecht-form-field-error-message" id="field-agenda-error">
              {e.agenda}
            </div>
          ) : null}
          {Array.from({ length: vm.agendaRows }, (_, i) => i + 1).map((n) => (
            <div class="bk-agenda-row" key={n}>
              <TextField
                name={`item${n}Title`}
                label={t('meetings.item', { n })}
                value={v[`item${n}Title`]}
                error={e[`item${n}Title`]}
                maxLength={vm.limits.text}
              />
              <SelectField
                name={`item${n}Origin`}
                label={t('meetings.itemOrigin', { n })}
                options={vm.origins}
                value={v[`item${n}Origin`]}
                error={e[`item${n}Origin`]}
              />
            </div>
          ))}
        </fieldset>
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface MeetingViewModel {
  network: { id: number; name: string };
  meeting: {
    id: number;
    label: string;
    when: string;
    place: string;
    isPublic: boolean;
    minutes: string[];
    otherResidents: number;
    otherProfessionals: number;
  };
  agenda: { title: string; originLabel: string }[];
  attendance: string[];
  canManage: boolean;
}

function AgendaList({ vm }: { vm: Pick<MeetingViewModel, 'agenda'> }) {
  return (
    <ol class="utrecht-ordered-list bk-agenda">
      {vm.agenda.map((a, i) => (
        <li class="utrecht-ordered-list__item" key={i}>
          {a.title} <span class="bk-agenda__origin">({a.originLabel})</span>
        </li>
      ))}
    </ol>
  );
}

export function MeetingPage({ ctx, vm }: { ctx: ViewContext; vm: MeetingViewModel }) {
  const { t } = ctx;
  const m = vm.meeting;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${m.id}`;
  return (
    <Layout ctx={ctx} title={m.label}>
      <h1 class="utrecht-heading-1">{m.label}</h1>
      <p class="utrecht-paragraph">
        {m.when}
        {m.place ? ` · ${m.place}` : ''} ·{' '}
        {m.isPublic ? t('meetings.public') : t('meetings.membersOnly')}
      </p>
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/vonkjesronde`}>
            {t('round.open')}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/agenda`}>
            {t('meetings.printAgenda')}
          </a>
        </li>
        {vm.canManage ? (
          <>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link" href={`${base}/bewerken`}>
                {t('meetings.edit')}
              </a>
            </li>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link" href={`${base}/aanwezigheid`}>
                {t('meetings.attendance.edit')}
              </a>
            </li>
            <li class="utrecht-link-list__item">
              <a class="utrecht-link" href={`${base}/verslag`}>
                {t('meetings.minutes.edit')}
              </a>
            </li>
          </>
        ) : null}
      </ul>
      <h2 class="utrecht-heading-2">{t('meetings.agenda')}</h2>
      {vm.agenda.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.agendaEmpty')}</p>
      ) : (
        <AgendaList vm={vm} />
      )}
      <h2 class="utrecht-heading-2">{t('meetings.attendance')}</h2>
      <p class="utrecht-paragraph">
        {vm.attendance.length > 0 ? vm.attendance.join(', ') : t('meetings.attendance.noNames')}
      </p>
      <p class="utrecht-paragraph">
        {t('meetings.attendance.others', {
          residents: m.otherResidents,
          professionals: m.otherProfessionals,
        })}
      </p>
      <h2 class="utrecht-heading-2">{t('meetings.minutes')}</h2>
      {m.minutes.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.minutes.none')}</p>
      ) : (
        m.minutes.map((p, i) => (
          <p class="utrecht-paragraph" key={i}>
            {p}
          </p>
        ))
      )}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/bijeenkomsten`}>
          {t('meetings.back')}
        </a>
      </p>
    </Layout>
  );
}

export interface AttendanceViewModel {
  network: { id: number; name: string };
  meeting: { id: number; label: string; when: string };
  members: { personId: number; name: string; present: boolean }[];
  otherResidents: string;
  otherProfessionals: string;
}

export function AttendancePage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: AttendanceViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}`;
  const title = t('meetings.attendance.title', { meeting: vm.meeting.label });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{vm.meeting.when}</p>
      <Form ctx={ctx} action={`${base}/aanwezigheid`} errors={state.errors}>
        <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t('meetings.attendance.members')}
          </legend>
          {vm.members.map((m) => (
            <Checkbox
              name={`present-${m.personId}`}
              label={m.name}
              checked={m.present}
              key={m.personId}
            />
          ))}
        </fieldset>
        <TextField
          name="otherResidents"
          type="number"
          inputMode="numeric"
          label={t('meetings.attendance.otherResidents')}
          value={state.values?.otherResidents ?? vm.otherResidents}
          error={state.errors?.otherResidents}
        />
        <TextField
          name="otherProfessionals"
          type="number"
          inputMode="numeric"
          label={t('meetings.attendance.otherProfessionals')}
          value={state.values?.otherProfessionals ?? vm.otherProfessionals}
          error={state.errors?.otherProfessionals}
        />
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export function MinutesPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: {
    network: { id: number };
    meeting: { id: number; label: string };
    minutes: string;
    /** The longest minutes, in characters (stated on the form). */
    max: number;
  };
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}`;
  const title = t('meetings.minutes.title', { meeting: vm.meeting.label });
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <Form ctx={ctx} action={`${base}/verslag`} errors={state.errors}>
        <TextArea
          name="minutes"
          label={t('meetings.minutes')}
          description={t('meetings.minutesHint', { max: vm.max.toLocaleString(ctx.lang) })}
          value={state.values?.minutes ?? vm.minutes}
          error={state.errors?.minutes}
          rows={14}
        />
        <SubmitButton>{t('meetings.save')}</SubmitButton>
      </Form>
    </Layout>
  );
}

/** The agenda to print and hand out: print.css hides everything but the content. */
export function AgendaPrintPage({ ctx, vm }: { ctx: ViewContext; vm: MeetingViewModel }) {
  const { t } = ctx;
  const m = vm.meeting;
  return (
    <Layout ctx={ctx} title={t('meetings.agendaOf', { meeting: m.label })}>
      <div class="bk-print-agenda">
        <p class="utrecht-paragraph bk-print-agenda__network">{vm.network.name}</p>
        <h1 class="utrecht-heading-1">{t('meetings.agendaOf', { meeting: m.label })}</h1>
        <p class="utrecht-paragraph">
          {m.when}
          {m.place ? ` · ${m.place}` : ''}
        </p>
        <ol class="utrecht-ordered-list bk-agenda">
          <li class="utrecht-ordered-list__item">{t('meetings.agenda.opening')}</li>
          {vm.agenda.map((a, i) => (
            <li class="utrecht-ordered-list__item" key={i}>
              {a.title} <span class="bk-agenda__origin">({a.originLabel})</span>
            </li>
          ))}
          <li class="utrecht-ordered-list__item">{t('meetings.agenda.closing')}</li>
        </ol>
        <p class="utrecht-paragraph bk-no-print">
          <a class="utrecht-link" href={`/netwerk/${vm.network.id}/bijeenkomsten/${m.id}`}>
            {t('meetings.backToMeeting')}
          </a>
        </p>
      </div>
    </Layout>
  );
}

export interface RoundViewModel {
  network: { id: number; name: string };
  meeting: { id: number; label: string; when: string };
  total: number;
  nr: number;
  spark: { text: string; author: string; when: string; photoUrl: string | null } | null;
  since: string | null;
}

/** The sparks round: one spark at a time, full screen, large type, for a projector. */
export function RoundPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: RoundViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}/vonkjesronde`;
  const title = t('round.title', { meeting: vm.meeting.label });
  const prev = vm.nr > 1 ? `${base}?nr=${vm.nr - 1}` : null;
  const next = vm.nr < vm.total ? `${base}?nr=${vm.nr + 1}` : null;
  return (
    <html lang={ctx.lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('layout.platformName')}`}</title>
        <link rel="stylesheet" href={ctx.asset('theme.css')} />
        <link rel="stylesheet" href={ctx.asset('utrecht.css')} />
        <link rel="stylesheet" href={ctx.asset('app.css')} />
        <link rel="stylesheet" href={ctx.asset('sparks-round.css')} />
        <link rel="icon" href={ctx.asset('favicon.svg')} type="image/svg+xml" />
        <script src={ctx.asset('sparks-round.js')} defer />
      </head>
      <body class="utrecht-theme bk-round">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#vonkje">
          {t('layout.skipLink')}
        </a>
        <header class="bk-round__header">
          <h1 class="bk-round__title">{title}</h1>
          <p class="bk-round__sub">
            {vm.meeting.when}
            {vm.since ? ` · ${t('round.since', { date: vm.since })}` : ''}
          </p>
        </header>
        <main id="vonkje" class="bk-round__main" tabindex={-1}>
          {vm.spark ? (
            <figure class="bk-round__spark">
              <p class="bk-round__count">{t('round.count', { nr: vm.nr, total: vm.total })}</p>
              <blockquote class="bk-round__text">
                <p>{vm.spark.text}</p>
              </blockquote>
              {vm.spark.photoUrl ? (
                <img class="bk-round__photo" src={vm.spark.photoUrl} alt={t('meetings.photoAlt')} />
              ) : null}
              <figcaption class="bk-round__author">
                {vm.spark.author} · {vm.spark.when}
              </figcaption>
            </figure>
          ) : (
            <p class="bk-round__text">{t('round.empty')}</p>
          )}
          <nav class="bk-round__nav" aria-label={t('round.nav')}>
            {prev ? (
              <a class="bk-round__link" href={prev} rel="prev" data-key="ArrowLeft">
                {t('round.prev')}
              </a>
            ) : (
              <span class="bk-round__link bk-round__link--off">{t('round.prev')}</span>
            )}
            {next ? (
              <a class="bk-round__link" href={next} rel="next" data-key="ArrowRight">
                {t('round.next')}
              </a>
            ) : (
              <span class="bk-round__link bk-round__link--off">{t('round.next')}</span>
            )}
          </nav>
          <p class="bk-round__hint">{t('round.keys')}</p>
        </main>
        <section class="bk-round__add" aria-labelledby="round-add">
          <h2 id="round-add" class="bk-round__add-title">
            {t('round.add')}
          </h2>
          <sparksModule.api.SparkForm ctx={ctx} action={base} state={state} />
          <p>
            <a
              class="bk-round__back"
              href={`/netwerk/${vm.network.id}/bijeenkomsten/${vm.meeting.id}`}
            >
              {t('round.leave')}
            </a>
          </p>
        </section>
      </body>
    </html>
  );
}
