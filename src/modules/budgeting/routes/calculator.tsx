// The calculator (rekenhulp, public): upload a pabulib file, choose a rule, see the outcome.
// The count runs in a worker thread (calculator-jobs.ts); the form waits a moment for it, so
// a small file shows its outcome (or its faulty line) at once, and a large one gets the
// "bezig met tellen" page, which refreshes itself (Refresh header, no JavaScript needed).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { DEFAULT_RULE } from '../../../pb/index.js';
import { formatDuration, type Lang, type Translate } from '../../../platform/i18n/index.js';
import type { UploadedFile } from '../../../platform/plugins/multipart.js';
import { allRules } from '../ballot.js';
import {
  CALCULATOR_MAX_BYTES,
  CALCULATOR_STEPS,
  type CalculatorResult,
  isCalculatorRule,
} from '../calculator.js';
import { type CalculatorJob, calculatorJobs } from '../calculator-jobs.js';
import { ruleChoices } from '../presenters.js';
import {
  CalculatorBusyPage,
  CalculatorFormPage,
  type CalculatorFormViewModel,
  CalculatorMessagePage,
  CalculatorResultPage,
} from '../views/calculator.js';
import { type BudgetRouteKit, open } from './kit.js';

/** How long the form waits for a count before it answers with the "bezig" page. */
const WAIT_MS = 3000;
/**
 * Seconds after which the "bezig" page asks the browser to load it again: soon at first,
 * then less often, so that a screen reader does not start reading the page anew every two
 * seconds of a long count.
 */
const refreshSeconds = (elapsed: number) => (elapsed < 10 ? 2 : 5);
const MAX_SIZE_TEXT = `${CALCULATOR_MAX_BYTES / 1024 / 1024} MB`;

/** A file part of a multipart form (a text field or a fuzzed value is not). */
function isUpload(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    Buffer.isBuffer((value as UploadedFile).data) &&
    typeof (value as UploadedFile).truncated === 'boolean'
  );
}

/**
 * Why a count failed, in `lang`. Too long or too much memory is the file's weight, which the
 * user can change (answered 400), with advice that fits the rule chosen: greedy is the
 * faster way, so a greedy count is advised a smaller file. An error is the engine's own
 * defect, logged by onError (500).
 */
function failureMessage(
  t: Translate,
  lang: Lang,
  job: CalculatorJob,
  timeoutSeconds: number,
): string {
  if (job.failure === 'error') return t('calc.failed.error');
  const file = job.fileName;
  const what =
    job.failure === 'timeout'
      ? t('calc.failed.timeout', { file, limit: formatDuration(lang, timeoutSeconds) })
      : t('calc.failed.memory', { file });
  const advice = job.rule.startsWith('greedy')
    ? 'calc.failed.adviceSmaller'
    : 'calc.failed.adviceFaster';
  return `${what} ${t(advice)}`;
}

/** The calculator's routes: the form, the upload, and a count (busy, failed or its outcome). */
export function registerCalculatorRoutes(app: FastifyInstance, kit: BudgetRouteKit): void {
  const timeoutSeconds = kit.config.calculatorTimeoutSeconds;
  const jobs = calculatorJobs({
    timeoutMs: timeoutSeconds * 1000,
    onError: (error, job) =>
      app.log.error({ err: error, rule: job.rule, file: job.fileName }, 'calculator count failed'),
  });
  app.addHook('onClose', () => jobs.close());

  const form = (
    reply: FastifyReply,
    rule: string,
    errors?: CalculatorFormViewModel['errors'],
    status = 200,
    round?: CalculatorFormViewModel['round'],
  ) => {
    const vm: CalculatorFormViewModel = {
      rules: ruleChoices(reply.request.t, reply.request.lang, allRules()),
      rule,
      maxSize: MAX_SIZE_TEXT,
      ...(errors ? { errors } : {}),
      round,
    };
    return reply.page((ctx) => <CalculatorFormPage ctx={ctx} vm={vm} />, status);
  };

  const parseProblem = (
    reply: FastifyReply,
    result: Extract<CalculatorResult, { ok: false }>,
  ): string =>
    'tooManyProjects' in result
      ? reply.request.t('calc.error.tooManyProjects', {
          projects: result.tooManyProjects.projects,
          max: result.tooManyProjects.max,
        })
      : result.line > 0
        ? reply.request.t('calc.error.line', {
            line: result.line,
            message: result.message[reply.request.lang],
          })
        : reply.request.t('calc.error.noLine', { message: result.message[reply.request.lang] });

  // From a round's results page: /rekenhulp?buurt=<slug>&ronde=<id> names the round, whose
  // pabulib file the page offers (only a counted round of a network; anything else is ignored).
  app.get<{ Querystring: { buurt?: unknown; ronde?: unknown } }>(
    '/rekenhulp',
    open,
    async (request, reply) => {
      const { buurt, ronde } = request.query;
      let round: CalculatorFormViewModel['round'];
      if (
        typeof buurt === 'string' &&
        typeof ronde === 'string' &&
        /^[a-z0-9-]{1,80}$/.test(buurt) &&
        /^\d{1,9}$/.test(ronde)
      ) {
        const found = await kit.findCountedRound(buurt, Number(ronde));
        if (found)
          round = {
            title: found.title,
            pbPath: `${found.base}/uitslag.pb`,
            resultsPath: `${found.base}/uitslag`,
          };
      }
      return form(reply, DEFAULT_RULE, undefined, 200, round);
    },
  );

  app.post('/rekenhulp', open, async (request, reply) => {
    const t = request.t;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const rule = typeof body.rule === 'string' ? body.rule : '';
    const file = isUpload(body.file) ? body.file : undefined;
    const shownRule = isCalculatorRule(rule) ? rule : DEFAULT_RULE;
    if (file && (file.truncated || file.data.length > CALCULATOR_MAX_BYTES)) {
      const tooLarge = t('calc.error.tooLarge', { size: MAX_SIZE_TEXT });
      return form(reply, shownRule, { file: tooLarge }, 413);
    }
    if (!file || (file.data.length === 0 && !file.filename))
      return form(reply, shownRule, { file: t('calc.error.noFile') }, 400);
    if (file.data.length === 0)
      return form(reply, shownRule, { file: t('calc.error.empty', { file: file.filename }) }, 400);
    if (!isCalculatorRule(rule))
      return form(reply, DEFAULT_RULE, { rule: t('calc.error.rule') }, 400);
    const name = (file.filename || 'bestand.pb').slice(0, 200);
    // The bytes, not a decoded text: the reader scans the VOTES lines as bytes.
    const job = jobs.start(file.data, rule, name, request.ip);
    if (job === 'yours') return form(reply, rule, { file: t('calc.error.yours') }, 429);
    if (job === 'busy') return form(reply, rule, { file: t('calc.error.busy') }, 503);
    await Promise.race([job.finished, new Promise((resolve) => setTimeout(resolve, WAIT_MS))]);
    if (job.status === 'done' && job.result && !job.result.ok)
      return form(reply, rule, { file: parseProblem(reply, job.result) }, 400);
    return reply.redirect(`/rekenhulp/${job.id}`, 303);
  });

  app.get('/rekenhulp/:jobId', open, (request, reply) => {
    const t = request.t;
    const id = String((request.params as { jobId?: string }).jobId ?? '');
    const job: CalculatorJob | undefined = /^[A-Za-z0-9_-]{22}$/.test(id)
      ? jobs.get(id)
      : undefined;
    if (!job)
      return reply.page(
        (ctx) => (
          <CalculatorMessagePage
            ctx={ctx}
            title={t('calc.gone.title')}
            message={t('calc.gone.text')}
          />
        ),
        404,
      );
    if (job.status === 'running') {
      const vm = {
        id: job.id,
        file: job.fileName,
        step: CALCULATOR_STEPS.indexOf(job.step) + 1,
        steps: CALCULATOR_STEPS.length,
        stepText: t(`calc.step.${job.step}`, { rule: job.rule }),
        seconds: Math.round((Date.now() - job.startedAt) / 1000),
      };
      reply.header('Refresh', String(refreshSeconds(vm.seconds)));
      return reply.page((ctx) => <CalculatorBusyPage ctx={ctx} vm={vm} />);
    }
    if (job.status === 'failed' || !job.result) {
      const message = failureMessage(request.t, request.lang, job, timeoutSeconds);
      return reply.page(
        (ctx) => (
          <CalculatorMessagePage ctx={ctx} title={t('calc.failed.title')} message={message} />
        ),
        job.failure === 'error' ? 500 : 400,
      );
    }
    const result = job.result;
    if (!result.ok) {
      const message = parseProblem(reply, result);
      return reply.page(
        (ctx) => <CalculatorMessagePage ctx={ctx} title={t('calc.title')} message={message} />,
        400,
      );
    }
    const vm = { ...result.byLang[request.lang], file: job.fileName };
    return reply.page((ctx) => <CalculatorResultPage ctx={ctx} vm={vm} />);
  });
}
