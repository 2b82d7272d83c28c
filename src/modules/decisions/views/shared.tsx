import type { ViewContext } from '../../../platform/views/context.js';
import { Paragraphs } from '../../../platform/views/Paragraphs.js';

export type Option = { value: string; label: string; hint?: string };
export type Link = { href: string; label: string };
export type NetworkRef = { id: number; name: string };
/** One decision in a list. */
export interface DecisionSummary {
  id: number;
  href: string;
  title: string;
  status: string;
  statusKey: string;
  date: string;
  kind: string;
  check: string;
  effectKey: string;
  involvement: string;
  notInvolved: boolean;
  notInvolvedReason: string;
  awaitingConsent: boolean;
  reviewDue: string | null;
}

/** Everything a decision (or one version of it) says. */
export interface DecisionFacts {
  title: string;
  status: string;
  statusKey: string;
  kind: string;
  decidedBy: string;
  date: string;
  meeting: Link | null;
  body: string[];
  reasons: string[];
  involvement: string;
  involvementWho: string[];
  notInvolved: boolean;
  notInvolvedReason: string;
  check: string;
  effectKey: string;
  reasoning: string[];
  dissent: { line: string; response: string }[];
  dissentNone: string[];
  links: Link[];
  reviewOn: string;
  isInternal: boolean;
  review: { line: string; text: string[]; on: string } | null;
}

export function NotInvolvedFlag({ ctx, reason }: { ctx: Pick<ViewContext, 't'>; reason: string }) {
  return (
    <div class="utrecht-alert utrecht-alert--warning bk-flag" role="note">
      <p class="utrecht-paragraph">
        <strong>{ctx.t('decisions.notInvolvedFlag')}</strong> {reason}
      </p>
    </div>
  );
}

export function SummaryItem({ ctx, d }: { ctx: ViewContext; d: DecisionSummary }) {
  const { t } = ctx;
  return (
    <li class="utrecht-unordered-list__item bk-decision" key={d.id}>
      <a class="utrecht-link" href={d.href} lang="nl">
        {d.title}
      </a>{' '}
      <span class={`bk-status bk-status--${d.statusKey}`}>{d.status}</span>
      <br />
      {d.date} · {d.kind} · <span class={`bk-effect bk-effect--${d.effectKey}`}>{d.check}</span>
      <br />
      {d.involvement}
      {d.awaitingConsent ? (
        <>
          <br />
          <strong>{t('decisions.consentWaiting')}</strong>
        </>
      ) : null}
      {d.reviewDue ? (
        <>
          <br />
          <strong>{d.reviewDue}</strong>
        </>
      ) : null}
      {d.notInvolved ? <NotInvolvedFlag ctx={ctx} reason={d.notInvolvedReason} /> : null}
    </li>
  );
}

export function Facts({ ctx, f, level }: { ctx: ViewContext; f: DecisionFacts; level: 2 | 3 }) {
  const { t } = ctx;
  const H = level === 2 ? 'h2' : 'h3';
  const hc = level === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3';
  return (
    <>
      {f.notInvolved ? <NotInvolvedFlag ctx={ctx} reason={f.notInvolvedReason} /> : null}
      <dl class="bk-facts">
        <dt>{t('decisions.status')}</dt>
        <dd class={`bk-status bk-status--${f.statusKey}`}>{f.status}</dd>
        <dt>{t('decisions.decidedBy')}</dt>
        <dd>{f.decidedBy}</dd>
        <dt>{t('decisions.decidedOn')}</dt>
        <dd>{f.date}</dd>
        <dt>{t('decisions.kind')}</dt>
        <dd>{f.kind}</dd>
        {f.meeting ? (
          <>
            <dt>{t('decisions.meeting')}</dt>
            <dd>
              <a class="utrecht-link" href={f.meeting.href}>
                {f.meeting.label}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('decisions.reviewOn')}</dt>
        <dd>{f.reviewOn}</dd>
        {f.isInternal ? (
          <>
            <dt>{t('decisions.internal')}</dt>
            <dd>✓</dd>
          </>
        ) : null}
      </dl>
      <H class={hc}>{t('decisions.what')}</H>
      <Paragraphs text={f.body} lang="nl" />
      <H class={hc}>{t('decisions.why')}</H>
      <Paragraphs text={f.reasons} lang="nl" />
      <H class={hc}>{t('decisions.involvement')}</H>
      <p class="utrecht-paragraph">{f.involvement}</p>
      <Paragraphs text={f.involvementWho} lang="nl" />
      <H class={hc}>{t('decisions.check')}</H>
      <p class="utrecht-paragraph">
        <strong class={`bk-effect bk-effect--${f.effectKey}`}>{f.check}</strong>
      </p>
      <Paragraphs text={f.reasoning} lang="nl" />
      <H class={hc}>{t('decisions.dissent')}</H>
      {f.dissent.length > 0 ? (
        <ul class="utrecht-unordered-list">
          {f.dissent.map((d, n) => (
            <li class="utrecht-unordered-list__item" key={n}>
              {d.line}
              <br />
              {d.response}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraphs text={f.dissentNone} />
      )}
      {f.links.length > 0 ? (
        <>
          <H class={hc}>{t('decisions.links')}</H>
          <ul class="utrecht-unordered-list">
            {f.links.map((l) => (
              <li class="utrecht-unordered-list__item" key={l.href}>
                <a class="utrecht-link" href={l.href}>
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {f.review ? (
        <>
          <H class={hc}>{t('decisions.review')}</H>
          <p class="utrecht-paragraph">
            <strong>{f.review.line}</strong> {f.review.on}
          </p>
          <Paragraphs text={f.review.text} lang="nl" />
        </>
      ) : null}
    </>
  );
}
