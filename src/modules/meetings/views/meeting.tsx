// One meeting: time, place, agenda, who came, minutes; and the agenda to print.
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';

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
