// An experiment's own page: question, approach, period, team, linked signals, status, the
// logbook and the evaluation with its lessons.
import type { FormState } from '../../../platform/forms.js';
import type { ViewContext } from '../../../platform/views/context.js';
import { Form, SelectField, SubmitButton } from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import { Paragraphs } from '../../../platform/views/Paragraphs.js';
import { Photo, PhotoFields, type ShownPhoto } from '../../../platform/views/PhotoFields.js';
import { LogEntryFields } from './log-entry.js';

type Option = { value: string; label: string };

export interface ExperimentViewModel {
  network: { id: number; name: string };
  id: number;
  title: string;
  status: string;
  statusKey: string;
  question: string[];
  approach: string[];
  evaluation: string[];
  period: string;
  team: { personId: number; label: string; canRemove: boolean }[];
  teamWarnings: string[];
  signals: { href: string; label: string }[];
  log: {
    id: number;
    kind: string;
    kindKey: string;
    meta: string;
    paragraphs: string[];
    photo: ShownPhoto | null;
    /** Where its author or the coordinator changes it (null: the viewer may not). */
    editHref: string | null;
  }[];
  lessons: { href: string; title: string }[];
  canWork: boolean;
  canJoin: boolean;
  canStart: boolean;
  canStop: boolean;
  canLog: boolean;
  canEvaluate: boolean;
  addable: Option[];
  logKinds: Option[];
  today: string;
  /** The photo's pixel limit, in megapixels. */
  megapixels: number;
}

export function ExperimentPage({
  ctx,
  vm,
  state,
}: {
  ctx: ViewContext;
  vm: ExperimentViewModel;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/netwerk/${vm.network.id}/experimenten/${vm.id}`;
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <Layout ctx={ctx} title={vm.title}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/netwerk/${vm.network.id}/experimenten`}>
          {t('experiments.back')}
        </a>
      </p>
      <h1 class="utrecht-heading-1" lang="nl">
        {vm.title}
      </h1>
      {e.form ? (
        <div class="utrecht-alert utrecht-alert--error" role="alert">
          <p class="utrecht-paragraph">{e.form}</p>
        </div>
      ) : null}
      <dl class="bk-facts">
        <dt>{t('experiments.status')}</dt>
        <dd class={`bk-status bk-status--${vm.statusKey}`}>{vm.status}</dd>
        <dt>{t('experiments.period')}</dt>
        <dd>{vm.period}</dd>
      </dl>
      <h2 class="utrecht-heading-2">{t('experiments.question')}</h2>
      <Paragraphs text={vm.question} lang="nl" />
      {vm.approach.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('experiments.approach')}</h2>
          <Paragraphs text={vm.approach} lang="nl" />
        </>
      ) : null}
      {vm.signals.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('experiments.signals')}</h2>
          <ul class="utrecht-unordered-list">
            {vm.signals.map((s) => (
              <li class="utrecht-unordered-list__item" key={s.href}>
                <a class="utrecht-link" href={s.href}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="utrecht-heading-2">{t('experiments.team')}</h2>
      {vm.team.length === 0 ? <p class="utrecht-paragraph">{t('experiments.teamEmpty')}</p> : null}
      <ul class="utrecht-unordered-list">
        {vm.team.map((m) => (
          <li class="utrecht-unordered-list__item" key={m.personId}>
            {m.label}
            {m.canRemove ? (
              <Form ctx={ctx} action={`${base}/team/verwijderen`} class="bk-inline-form">
                <input type="hidden" name="personId" value={String(m.personId)} />
                <SubmitButton variant="secondary">{t('experiments.remove')}</SubmitButton>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {vm.teamWarnings.map((w) => (
        <p class="utrecht-paragraph bk-warning" key={w}>
          {w}
        </p>
      ))}
      {vm.canJoin ? (
        <Form ctx={ctx} action={`${base}/meedoen`}>
          <SubmitButton variant="secondary">{t('experiments.join')}</SubmitButton>
        </Form>
      ) : null}
      {vm.canWork && vm.addable.length > 0 ? (
        <Form ctx={ctx} action={`${base}/team`} errors={undefined}>
          <SelectField
            name="personId"
            label={t('experiments.addMember')}
            options={vm.addable}
            value={v.personId}
            error={e.personId}
          />
          <SubmitButton variant="secondary">{t('experiments.add')}</SubmitButton>
        </Form>
      ) : null}
      {vm.canStart || vm.canStop ? (
        <Form ctx={ctx} action={`${base}/stand`}>
          {vm.canStart ? (
            <SubmitButton name="to" value="running">
              {t('experiments.start')}
            </SubmitButton>
          ) : null}{' '}
          {vm.canStop ? (
            <SubmitButton name="to" value="stopped" variant="secondary">
              {t('experiments.stop')}
            </SubmitButton>
          ) : null}
        </Form>
      ) : null}
      {vm.canEvaluate ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`${base}/evaluatie`}>
            {t('experiments.evaluate')}
          </a>
        </p>
      ) : null}
      {vm.evaluation.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('experiments.evaluation')}</h2>
          <Paragraphs text={vm.evaluation} lang="nl" />
        </>
      ) : null}
      {vm.lessons.length > 0 ? (
        <>
          <h2 class="utrecht-heading-2">{t('experiments.lessons')}</h2>
          <ul class="utrecht-unordered-list">
            {vm.lessons.map((l) => (
              <li class="utrecht-unordered-list__item" key={l.href}>
                <a class="utrecht-link" href={l.href}>
                  {l.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="utrecht-heading-2" id="logboek">
        {t('experiments.log')}
      </h2>
      {vm.log.length === 0 ? <p class="utrecht-paragraph">{t('experiments.logEmpty')}</p> : null}
      <ol class="bk-logbook">
        {vm.log.map((entry) => (
          <li key={entry.id} id={`logboek-${entry.id}`} class={`bk-log bk-log--${entry.kindKey}`}>
            <p class="utrecht-paragraph">
              <strong>{entry.meta}</strong>
            </p>
            <Paragraphs text={entry.paragraphs} lang="nl" />
            {entry.photo ? <Photo photo={entry.photo} /> : null}
            {entry.editHref ? (
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href={entry.editHref}>
                  {t('experiments.logEdit')}
                </a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
      {vm.canLog ? (
        <Form
          ctx={ctx}
          action={`${base}/logboek`}
          errors={e.form ? undefined : state.errors}
          enctype="multipart/form-data"
        >
          <h3 class="utrecht-heading-3">{t('experiments.logAdd')}</h3>
          <LogEntryFields
            t={t}
            logKinds={vm.logKinds}
            values={v}
            errors={e}
            defaultDate={vm.today}
          />
          <PhotoFields
            ctx={ctx}
            state={state}
            megapixels={vm.megapixels}
            descriptionHint={t('experiments.photoDescriptionHint')}
            descriptionRequired
          />
          <SubmitButton>{t('experiments.logSave')}</SubmitButton>
        </Form>
      ) : null}
    </Layout>
  );
}
