// The public page of a public meeting: time, place, how to get there, the agenda.
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { MinutesBlock } from '../presenters.js';
import { MeetingName } from './list.js';
import { Minutes } from './meeting.js';

export interface PublicMeetingViewModel {
  network: { name: string; slug: string };
  meeting: {
    label: string;
    when: string;
    place: string;
    description: MinutesBlock[];
    cancelled: boolean;
  };
  agenda: string[];
}

/** A public meeting for everyone: when, where (with a map link), how to get there, the agenda. */
export function PublicMeetingPage({ ctx, vm }: { ctx: ViewContext; vm: PublicMeetingViewModel }) {
  const { t } = ctx;
  const m = vm.meeting;
  const home = `/buurt/${vm.network.slug}`;
  return (
    <Layout ctx={ctx} title={m.label}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={home}>
          {t('meetings.public.back', { network: vm.network.name })}
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
      <dl class="bk-facts">
        <dt>{t('meetings.public.when')}</dt>
        <dd>{m.when}</dd>
        <dt>{t('meetings.public.where')}</dt>
        <dd>
          {m.place ? (
            <>
              <span lang="nl">{m.place}</span>
              <br />
              <a
                class="utrecht-link"
                href={`https://www.openstreetmap.org/search?query=${encodeURIComponent(m.place)}`}
              >
                {t('meetings.public.map')}
              </a>
            </>
          ) : (
            t('meetings.public.placeUnknown')
          )}
        </dd>
      </dl>
      {m.description.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('meetings.public.howToGet')}</h2>
          <div lang="nl">
            <Minutes blocks={m.description} />
          </div>
        </>
      ) : null}
      <h2 class="utrecht-heading-2">{t('meetings.agenda')}</h2>
      {vm.agenda.length === 0 ? (
        <p class="utrecht-paragraph">{t('meetings.agendaEmpty')}</p>
      ) : (
        <ol class="utrecht-ordered-list bk-agenda" lang="nl">
          {vm.agenda.map((a, i) => (
            <li class="utrecht-ordered-list__item" key={i}>
              {a}
            </li>
          ))}
        </ol>
      )}
      {m.cancelled ? null : <p class="utrecht-paragraph">{t('meetings.public.join')}</p>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${home}/agenda.ics`}>
          {t('meetings.publicFeed')}
        </a>
      </p>
    </Layout>
  );
}
