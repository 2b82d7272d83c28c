// The calculator (rekenhulp): the upload form, the "bezig met tellen" page (it refreshes by
// itself, and has a link for when it does not), the outcome with its explanations, and the
// page for a count that is gone.
import type { ViewContext } from '../../../platform/views/context.js';
import {
  FileField,
  Form,
  type RadioChoices,
  RadioGroup,
  SubmitButton,
} from '../../../platform/views/forms.js';
import { Layout } from '../../../platform/views/Layout.js';
import type { CalculatorOutcome, CalculatorProject } from '../calculator.js';

export interface CalculatorFormViewModel {
  /** The rules to choose from (presenters' ruleChoices). */
  rules: RadioChoices;
  rule: string;
  maxSize: string;
  errors?: { file?: string; rule?: string };
  /** A round of this platform to recount (from its results page): its file and the way back. */
  round?: { title: string; pbPath: string; resultsPath: string } | undefined;
}

/** The upload form. */
export function CalculatorFormPage({ ctx, vm }: { ctx: ViewContext; vm: CalculatorFormViewModel }) {
  const { t } = ctx;
  const fileError = vm.errors?.file;
  return (
    <Layout ctx={ctx} title={t('calc.title')}>
      <h1 class="utrecht-heading-1">{t('calc.title')}</h1>
      <p class="utrecht-paragraph">{t('calc.intro')}</p>
      <p class="utrecht-paragraph">{t('calc.privacy')}</p>
      {vm.round ? (
        <section class="bk-recount" aria-labelledby="recount-title">
          <h2 class="utrecht-heading-2" id="recount-title">
            {t('calc.round.title', { round: vm.round.title })}
          </h2>
          <ol class="utrecht-ordered-list">
            <li class="utrecht-ordered-list__item">
              {t('calc.round.step1')}{' '}
              <a class="utrecht-link" href={vm.round.pbPath} download>
                {t('calc.round.download', { round: vm.round.title })}
              </a>
            </li>
            <li class="utrecht-ordered-list__item">{t('calc.round.step2')}</li>
          </ol>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={vm.round.resultsPath}>
              {t('calc.round.back', { round: vm.round.title })}
            </a>
          </p>
        </section>
      ) : null}
      <Form ctx={ctx} action="/rekenhulp" errors={vm.errors} enctype="multipart/form-data">
        <FileField
          name="file"
          label={t('calc.field.file')}
          description={t('calc.field.fileHint', { size: vm.maxSize })}
          error={fileError}
          accept=".pb,.txt,.csv,text/plain,text/csv"
        />
        <RadioGroup
          name="rule"
          label={t('calc.field.rule')}
          description={t('calc.field.ruleHint')}
          options={vm.rules.options}
          more={vm.rules.more}
          value={vm.rule}
          error={vm.errors?.rule}
        />
        <SubmitButton>{t('calc.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}

export interface CalculatorBusyViewModel {
  id: string;
  file: string;
  step: number;
  steps: number;
  stepText: string;
  seconds: number;
}

/** While the count runs: which step, since when, and a link to look again. */
export function CalculatorBusyPage({ ctx, vm }: { ctx: ViewContext; vm: CalculatorBusyViewModel }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('calc.busy.title')}>
      <h1 class="utrecht-heading-1">{t('calc.busy.title')}</h1>
      <p class="utrecht-paragraph">{t('calc.busy.text', { file: vm.file })}</p>
      <p class="utrecht-paragraph" role="status">
        {t('calc.busy.step', { n: vm.step, total: vm.steps, step: vm.stepText })}
      </p>
      <progress max={vm.steps} value={vm.step - 1} aria-label={t('calc.busy.title')} />
      <p class="utrecht-paragraph">{t('calc.busy.elapsed', { seconds: vm.seconds })}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/rekenhulp/${vm.id}`}>
          {t('calc.busy.again')}
        </a>
      </p>
    </Layout>
  );
}

/** A count that failed or is no longer kept: why, and the way back to the form. */
export function CalculatorMessagePage({
  ctx,
  title,
  message,
}: {
  ctx: ViewContext;
  title: string;
  message: string;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{message}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/rekenhulp">
          {t('calc.again')}
        </a>
      </p>
    </Layout>
  );
}

function Explained({ ctx, p }: { ctx: ViewContext; p: CalculatorProject }) {
  return (
    <section class="bk-result">
      <h3 class="utrecht-heading-3">
        {p.name} — {p.cost} — {ctx.t('calc.result.votes', { votes: p.votes })}
      </h3>
      <ul class="utrecht-unordered-list">
        {p.explanation.map((line) => (
          <li class="utrecht-unordered-list__item" key={line}>
            {line}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The outcome: the summary, every project with its explanation, greedy beside it. */
export function CalculatorResultPage({
  ctx,
  vm,
}: {
  ctx: ViewContext;
  vm: CalculatorOutcome & { file: string };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('calc.result.title')}>
      <h1 class="utrecht-heading-1">{t('calc.result.title')}</h1>
      <p class="utrecht-paragraph">{t('calc.result.file', { file: vm.file })}</p>
      {vm.description ? <p class="utrecht-paragraph">{vm.description}</p> : null}
      <p class="utrecht-paragraph">
        {t('calc.result.rule', {
          title: vm.ruleTitle,
          rule: vm.rule,
          description: vm.ruleDescription,
        })}
      </p>
      {vm.warnings.length > 0 ? (
        <div class="utrecht-alert utrecht-alert--warning" role="note">
          {vm.warnings.map((w) => (
            <p class="utrecht-paragraph" key={w}>
              {w}
            </p>
          ))}
        </div>
      ) : null}
      <p class="utrecht-paragraph">
        {t('calc.result.summary', {
          voters: vm.voters,
          budget: vm.budget,
          used: vm.used,
          left: vm.left,
        })}
      </p>
      {vm.election.map((line) => (
        <p class="utrecht-paragraph" key={line}>
          {line}
        </p>
      ))}
      <h2 class="utrecht-heading-2">{t('calc.result.funded')}</h2>
      {vm.funded.length === 0 ? (
        <p class="utrecht-paragraph">{t('calc.result.noneFunded')}</p>
      ) : null}
      {vm.funded.map((p) => (
        <Explained ctx={ctx} p={p} key={p.id} />
      ))}
      <h2 class="utrecht-heading-2">{t('calc.result.notFunded')}</h2>
      {vm.notFunded.length === 0 ? (
        <p class="utrecht-paragraph">{t('calc.result.allFunded')}</p>
      ) : null}
      {vm.notFunded.map((p) => (
        <Explained ctx={ctx} p={p} key={p.id} />
      ))}
      {vm.compared ? (
        <>
          <h2 class="utrecht-heading-2">{t('calc.result.compare')}</h2>
          <p class="utrecht-paragraph">{t('calc.result.greedyIntro')}</p>
          <ul class="utrecht-unordered-list">
            {vm.greedyFunded.length === 0 ? (
              <li class="utrecht-unordered-list__item">{t('calc.result.greedyNone')}</li>
            ) : null}
            {vm.greedyFunded.map((name) => (
              <li class="utrecht-unordered-list__item" key={name}>
                {name}
              </li>
            ))}
          </ul>
          {vm.voters > 0 ? (
            <p class="utrecht-paragraph">
              {t('calc.result.coverage', { rule: vm.coverage, greedy: vm.greedyCoverage })}
            </p>
          ) : null}
        </>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/rekenhulp">
          {t('calc.again')}
        </a>
      </p>
    </Layout>
  );
}
