// One meeting: time, place, agenda, who came, minutes; and the agenda to print.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { ErrorSummary, Form, SubmitButton, TextField } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { MinutesBlock } from '../presenters.js';
import { MeetingName } from './list.js';

export interface MeetingViewModel {
  network: { id: number; name: string };
  meeting: {
    id: number;
    label: string;
    when: string;
    place: string;
    description: string;
    isPublic: boolean;
    cancelled: boolean;
    minutes: MinutesBlock[];
    otherResidents: number;
    otherProfessionals: number;
  };
  agenda: { title: string; originLabel: string }[];
  attendance: string[];
  canManage: boolean;
  /** "Ik kom": null when the meeting has ended or is cancelled, or the reader is no member. */
  rsvp?: RsvpViewModel | null;
  /** Who is coming: for the coordinator only. */
  coming?: { total: number; people: string[] } | null;
  actions?: ActionViewModel[];
  /** The public page's address, for a public meeting. */
  publicPath?: string | null;
  /** Whether the reader may undo the cancellation (a manager; the meeting has not ended). */
  canReopen?: boolean;
}

export interface RsvpViewModel {
  /** The places the reader claimed; 0 when they have not said they are coming. */
  mine: number;
  /** Places still free for the reader (their own claim counted as free); null: no maximum. */
  left: number | null;
  max: number | null;
  /** The most places one person can claim. */
  perPerson: number;
  state: FormState;
}

export interface ActionViewModel {
  id: number;
  what: string;
  who: string;
  due: string;
  signal: { href: string; label: string } | null;
}

/** Minutes as written: paragraphs with their line breaks, and lists. Text only, never markup. */
export function Minutes({ blocks }: { blocks: MinutesBlock[] }) {
  return (
    <div class="bk-minutes">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          <p class="utrecht-paragraph" key={i}>
            {b.lines.map((line, j) => (
              <>
                {j > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        ) : b.ordered ? (
          <ol class="utrecht-ordered-list" key={i}>
            {b.items.map((item, j) => (
              <li class="utrecht-ordered-list__item" key={j}>
                {item}
              </li>
            ))}
          </ol>
        ) : (
          <ul class="utrecht-unordered-list" key={i}>
            {b.items.map((item, j) => (
              <li class="utrecht-unordered-list__item" key={j}>
                {item}
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

function Rsvp({ ctx, base, rsvp }: { ctx: ViewContext; base: string; rsvp: RsvpViewModel }) {
  const { t } = ctx;
  const v = rsvp.state.values ?? {};
  const e = rsvp.state.errors ?? {};
  const full = rsvp.left !== null && rsvp.left <= 0 && rsvp.mine === 0;
  const choosable = Math.min(Math.max(rsvp.left ?? 0, 0), rsvp.perPerson);
  return (
    <section class="bk-rsvp" aria-labelledby="rsvp-title">
      <h2 class="utrecht-heading-2" id="rsvp-title">
        {t('meetings.rsvp.title')}
      </h2>
      {rsvp.mine > 0 ? (
        <p class="utrecht-paragraph">
          <strong>
            {rsvp.mine === 1
              ? t('meetings.rsvp.youComeOne')
              : t('meetings.rsvp.youCome', { places: rsvp.mine })}
          </strong>
        </p>
      ) : null}
      {rsvp.max !== null && rsvp.left !== null ? (
        <p class="utrecht-paragraph">
          {Math.max(rsvp.left - rsvp.mine, 0) === 1
            ? t('meetings.rsvp.freeOne', { max: rsvp.max })
            : t('meetings.rsvp.free', { left: Math.max(rsvp.left - rsvp.mine, 0), max: rsvp.max })}
        </p>
      ) : null}
      {full ? (
        // Full while the person was answering: the refusal is a form error like any other.
        Object.keys(e).length > 0 ? (
          <ErrorSummary ctx={ctx} errors={e} />
        ) : (
          <p class="utrecht-paragraph">{t('meetings.rsvp.full')}</p>
        )
      ) : (
        <Form ctx={ctx} action={`${base}/ik-kom`} errors={rsvp.state.errors}>
          {rsvp.max !== null ? (
            <TextField
              name="places"
              type="number"
              inputMode="numeric"
              label={t('meetings.rsvp.places')}
              description={
                choosable === 1
                  ? t('meetings.rsvp.placesHintOne')
                  : t('meetings.rsvp.placesHint', { left: choosable })
              }
              value={v.places ?? String(Math.max(rsvp.mine, 1))}
              error={e.places}
            />
          ) : null}
          {rsvp.mine === 0 || rsvp.max !== null ? (
            <SubmitButton>
              {rsvp.mine === 0 ? t('meetings.rsvp.come') : t('meetings.rsvp.change')}
            </SubmitButton>
          ) : null}
        </Form>
      )}
      {rsvp.mine > 0 ? (
        <Form ctx={ctx} action={`${base}/ik-kom`}>
          <input type="hidden" name="places" value="0" />
          <SubmitButton variant="secondary">{t('meetings.rsvp.withdraw')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

function Actions({
  ctx,
  base,
  actions,
  canManage,
  state,
}: {
  ctx: ViewContext;
  base: string;
  actions: ActionViewModel[];
  canManage: boolean;
  state?: FormState | undefined;
}) {
  const { t } = ctx;
  const v = state?.values ?? {};
  const e = state?.errors ?? {};
  return (
    <section aria-labelledby="actions-title">
      <h2 class="utrecht-heading-2" id="actions-title">
        {t('meetings.actions.title')}
      </h2>
      {actions.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.actions.none')}</p>
      ) : (
        <ul class="utrecht-unordered-list bk-action-points">
          {actions.map((a) => (
            <li class="utrecht-unordered-list__item" key={a.id}>
              <strong>{a.what}</strong>
              {a.who ? ` — ${a.who}` : ''}
              {a.due ? `, ${a.due}` : ''}
              {a.signal ? (
                <>
                  {' · '}
                  <a class="utrecht-link" href={a.signal.href}>
                    {a.signal.label}
                  </a>
                </>
              ) : null}
              {canManage ? (
                <form
                  method="post"
                  action={`${base}/actiepunten/${a.id}/verwijderen`}
                  class="bk-inline-form"
                >
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--subtle bk-link-button"
                    aria-label={t('meetings.actions.remove', { what: a.what })}
                  >
                    ×
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <Form ctx={ctx} action={`${base}/actiepunten`} errors={state?.errors}>
          <TextField
            name="what"
            label={t('meetings.actions.what')}
            value={v.what}
            error={e.what}
            maxLength={200}
          />
          <TextField
            name="who"
            label={t('meetings.actions.who')}
            optionalLabel={t('meetings.optional')}
            value={v.who}
            error={e.who}
            maxLength={200}
          />
          <TextField
            name="dueOn"
            type="date"
            label={t('meetings.actions.due')}
            optionalLabel={t('meetings.optional')}
            value={v.dueOn}
            error={e.dueOn}
          />
          <TextField
            name="signalId"
            inputMode="numeric"
            label={t('meetings.actions.signal')}
            optionalLabel={t('meetings.optional')}
            description={t('meetings.actions.signalHint')}
            value={v.signalId}
            error={e.signalId}
          />
          <SubmitButton variant="secondary">{t('meetings.actions.add')}</SubmitButton>
        </Form>
      ) : null}
    </section>
  );
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

export function MeetingPage({
  ctx,
  vm,
  actionState,
}: {
  ctx: ViewContext;
  vm: MeetingViewModel;
  /** The action-point form shown again with its errors. */
  actionState?: FormState;
}) {
  const { t } = ctx;
  const m = vm.meeting;
  const base = `/netwerk/${vm.network.id}/bijeenkomsten/${m.id}`;
  return (
    <Layout ctx={ctx} title={m.label}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/bijeenkomsten`}>
          {t('meetings.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">
        {m.cancelled ? <span class="bk-cancelled-tag">{t('meetings.cancelled')}: </span> : null}
        <MeetingName label={m.label} />
      </h1>
      {m.cancelled ? (
        <p class="utrecht-paragraph bk-cancelled-note">
          <strong>{t('meetings.cancelledNote')}</strong>
        </p>
      ) : null}
      {vm.canReopen ? (
        <Form ctx={ctx} action={`/netwerk/${vm.network.id}/bijeenkomsten/${m.id}/gaat-toch-door`}>
          <p class="utrecht-paragraph">{t('meetings.reopenHint')}</p>
          <SubmitButton variant="secondary">{t('meetings.reopen')}</SubmitButton>
        </Form>
      ) : null}
      <p class="utrecht-paragraph">
        {m.when}
        {m.place ? (
          <>
            {' · '}
            <span lang="nl">{m.place}</span>
          </>
        ) : null}{' '}
        · {m.isPublic ? t('meetings.public') : t('meetings.membersOnly')}
      </p>
      {m.description ? (
        <Minutes blocks={[{ type: 'paragraph', lines: m.description.split('\n') }]} />
      ) : null}
      {vm.rsvp ? <Rsvp ctx={ctx} base={base} rsvp={vm.rsvp} /> : null}
      {vm.coming ? (
        <section aria-labelledby="coming-title">
          <h2 class="utrecht-heading-2" id="coming-title">
            {t('meetings.coming.title')}
          </h2>
          {vm.coming.people.length === 0 ? (
            <p class="utrecht-paragraph">{t('meetings.coming.none')}</p>
          ) : (
            <>
              <p class="utrecht-paragraph">
                {vm.coming.total === 1
                  ? t('meetings.coming.totalOne')
                  : t('meetings.coming.total', { total: vm.coming.total })}
              </p>
              <ul class="utrecht-unordered-list">
                {vm.coming.people.map((p, i) => (
                  <li class="utrecht-unordered-list__item" key={i}>
                    {p}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
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
        {vm.publicPath ? (
          <li class="utrecht-link-list__item">
            <a class="utrecht-link" href={vm.publicPath}>
              {t('meetings.publicPage')}
            </a>
          </li>
        ) : null}
        {vm.canManage ? (
          <>
            {m.cancelled ? null : (
              <li class="utrecht-link-list__item">
                <a class="utrecht-link" href={`${base}/afzeggen`}>
                  {t('meetings.cancel')}
                </a>
              </li>
            )}
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
      <h2 class="utrecht-heading-2" id="verslag">
        {t('meetings.minutes')}
      </h2>
      {m.minutes.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.minutes.none')}</p>
      ) : (
        <Minutes blocks={m.minutes} />
      )}
      {vm.actions ? (
        <Actions
          ctx={ctx}
          base={base}
          actions={vm.actions}
          canManage={vm.canManage}
          state={actionState}
        />
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/bijeenkomsten`}>
          {t('meetings.back')}
        </a>
      </p>
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
