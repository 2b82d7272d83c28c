// The list of a network's meetings: those to come and those past.
import type { ViewContext } from '../../../platform/views/context.js';
import { Layout } from '../../../platform/views/Layout.js';

export interface MeetingSummary {
  id: number;
  label: string;
  when: string;
  place: string;
  isPublic: boolean;
  cancelled: boolean;
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
          {m.cancelled ? (
            <strong class="bk-cancelled-tag">{ctx.t('meetings.cancelled')}: </strong>
          ) : null}
          <a class="utrecht-link" href={`${base}/${m.id}`}>
            <MeetingName label={m.label} />
          </a>{' '}
          — {m.when}
          {m.place ? (
            <>
              , <span lang="nl">{m.place}</span>
            </>
          ) : null}
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
      <ul class="utrecht-link-list utrecht-link-list--html-ul bk-links">
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/in-uw-agenda`}>
            {t('meetings.feed.phone')}
          </a>
        </li>
        <li class="utrecht-link-list__item">
          <a class="utrecht-link" href={`${base}/agenda.ics`}>
            {t('meetings.feed.members')}
          </a>
        </li>
      </ul>
    </Layout>
  );
}

/**
 * A meeting's label ("Bewonersavond: Wat maakt Zonnehoek fijn?") with the title people wrote
 * marked as Dutch; the kind before the colon is in the page's language.
 */
export function MeetingName({ label }: { label: string }) {
  const colon = label.indexOf(': ');
  if (colon === -1) return <>{label}</>;
  return (
    <>
      {label.slice(0, colon + 2)}
      <span lang="nl">{label.slice(colon + 2)}</span>
    </>
  );
}
