// One signal: its details, its duo, the next status and its thread of updates.
import type { FormErrors, FormValues } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SelectField, SubmitButton, TextArea } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { NetworkRef, Option } from './shared.js';

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
  /** Set when the retention job anonymised it: the page is this one line and its dates. */
  anonymised:
    | { line: string; theme: string; created: string; closed: string | undefined }
    | undefined;
  canJoin: boolean;
  canPost: boolean;
  canManage: boolean;
  next: { status: string; label: string; needsOutcome: boolean } | undefined;
  /** The step back, when there is one and the viewer may take it (a reason is asked). */
  back: { label: string } | undefined;
  /** The viewer follows it and may stop doing so. */
  canLeave: boolean;
  /** The viewer recorded it or coordinates the network. */
  canEdit: boolean;
  /** Experiments linked to it, and where to start one from it (when the viewer may). */
  experiments?: {
    experiments: { title: string; status: string; path: string }[];
    startPath: string | undefined;
  };
  /** Earlier versions of its texts, newest first. */
  revisions: { id: number; when: string; editor: string; title: string; description: string }[];
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
  if (vm.anonymised) return <AnonymisedSignal ctx={ctx} vm={vm} anonymised={vm.anonymised} />;
  return (
    <Layout ctx={ctx} title={s.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/signalen`}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1" lang="nl">
        {s.title}
      </h1>
      {s.personBound ? (
        <div class="utrecht-alert utrecht-alert--warning" role="note">
          <p class="utrecht-paragraph">{t('signals.detail.personBound')}</p>
        </div>
      ) : null}
      {s.anonymised ? <p class="utrecht-paragraph">{t('signals.detail.anonymised')}</p> : null}
      {s.description ? (
        <p class="utrecht-paragraph bk-pre-line" lang="nl">
          {s.description}
        </p>
      ) : null}
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

      {vm.canEdit ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/bewerken`}>
            {t('signals.edit.link')}
          </a>
        </p>
      ) : null}
      {vm.experiments ? <LinkedExperiments ctx={ctx} linked={vm.experiments} /> : null}
      {vm.revisions.length > 0 ? (
        <details class="bk-revisions">
          <summary>{t('signals.edit.history', { count: vm.revisions.length })}</summary>
          <ol class="bk-thread">
            {vm.revisions.map((r) => (
              <li class="bk-thread__item" key={r.id}>
                <p class="utrecht-paragraph bk-thread__meta">
                  {t('signals.edit.changedBy', { who: r.editor, when: r.when })}
                </p>
                <p class="utrecht-paragraph" lang="nl">
                  {r.title}
                </p>
                {r.description ? (
                  <p class="utrecht-paragraph bk-pre-line" lang="nl">
                    {r.description}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </details>
      ) : null}

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
        {vm.canLeave ? (
          <Form ctx={ctx} action={`${base}/duo/verlaten`}>
            <SubmitButton variant="secondary">{t('signals.duo.leave')}</SubmitButton>
          </Form>
        ) : null}
      </section>

      {vm.canManage ? (
        <section aria-labelledby="status-title">
          <h2 class="utrecht-heading-2" id="status-title">
            {t('signals.status.title')}
          </h2>
          {vm.next ? (
            <Form
              ctx={ctx}
              action={`${base}/status`}
              errors={vm.errors?.reason ? undefined : vm.errors}
            >
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
          {vm.back ? (
            <Form
              ctx={ctx}
              action={`${base}/status/terug`}
              errors={vm.errors?.reason ? vm.errors : undefined}
            >
              <TextArea
                name="reason"
                label={t('signals.status.back.reason')}
                description={t('signals.status.back.hint')}
                value={vm.values?.reason}
                error={vm.errors?.reason}
                rows={2}
                maxLength={1000}
              />
              <SubmitButton variant="secondary">{vm.back.label}</SubmitButton>
            </Form>
          ) : null}
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

/** An anonymised signal: one clear line, its theme and dates, and no actions. */
function AnonymisedSignal({
  ctx,
  vm,
  anonymised,
}: {
  ctx: ViewContext;
  vm: SignalDetailViewModel;
  anonymised: NonNullable<SignalDetailViewModel['anonymised']>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={anonymised.line}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/signalen`}>
          {t('signals.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{anonymised.line}</h1>
      <dl class="bk-dl">
        <dt class="bk-dl__term">{t('signals.detail.theme')}</dt>
        <dd class="bk-dl__value">{anonymised.theme}</dd>
        <dt class="bk-dl__term">{t('signals.detail.created')}</dt>
        <dd class="bk-dl__value">{anonymised.created}</dd>
        {anonymised.closed ? (
          <>
            <dt class="bk-dl__term">{t('signals.detail.closed')}</dt>
            <dd class="bk-dl__value">{anonymised.closed}</dd>
          </>
        ) : null}
      </dl>
      <p class="utrecht-paragraph">{t('signals.anonymised.why')}</p>
    </Layout>
  );
}

/** The experiments that came from this signal, and the way to start one from it. */
function LinkedExperiments({
  ctx,
  linked,
}: {
  ctx: ViewContext;
  linked: NonNullable<SignalDetailViewModel['experiments']>;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="experiments-title">
      <h2 class="utrecht-heading-2" id="experiments-title">
        {t('signals.detail.experiments')}
      </h2>
      {linked.experiments.length === 0 ? (
        <p class="utrecht-paragraph">{t('signals.detail.noExperiments')}</p>
      ) : (
        <ul class="utrecht-unordered-list">
          {linked.experiments.map((e) => (
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={e.path}>
                {e.title}
              </a>{' '}
              ({e.status})
            </li>
          ))}
        </ul>
      )}
      {linked.startPath ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={linked.startPath}>
            {t('signals.detail.startExperiment')}
          </a>
        </p>
      ) : null}
    </section>
  );
}
