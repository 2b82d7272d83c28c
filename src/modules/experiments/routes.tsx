// Experiments: parse → authorize → service → render or redirect.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findInNetworkOr404, idParam } from '../../platform/access.js';
import { type FormState, formValues, parseForm } from '../../platform/forms.js';
import type { ModuleContext } from '../../platform/module.js';
import { fromLocal, toLocal } from '../../platform/time.js';
import { networkModule } from '../network/index.js';
import { can } from './policy.js';
import { presentBoard, presentExperiment } from './presenters.js';
import type { ExperimentRow } from './repository.js';
import { megapixels, registerLogRoutes } from './routes-log.js';
import { type ChangeResult, experimentsService, groupByStatus, LESSONS_MAX } from './service.js';
import { BoardPage } from './views/board.js';
import { EvaluationPage } from './views/evaluation.js';
import { ExperimentPage } from './views/experiment.js';
import { ExperimentFormPage } from './views/form.js';

const checked = { config: { policy: 'check' as const } };
const LESSON_ROWS = 3;

const realDate = (field: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || fromLocal(v, '12:00') !== undefined, 'form.date')
    .default('')
    .describe(field);

const experimentSchema = z.object({
  title: z.string().trim().min(1).max(200).describe('experiments.name.title'),
  question: z.string().trim().min(1).max(2000).describe('experiments.name.question'),
  approach: z.string().trim().max(4000).default('').describe('experiments.name.approach'),
  startsOn: realDate('experiments.name.startsOn'),
  endsOn: realDate('experiments.name.endsOn'),
  signals: z
    .string()
    .trim()
    .max(200)
    .regex(/^(\d{1,9}(\s*,\s*\d{1,9})*)?$/, 'experiments.error.signals')
    .default('')
    .describe('experiments.name.signals'),
});

const today = () => toLocal(new Date()).date;

export async function experimentsRoutes(
  app: FastifyInstance,
  context: ModuleContext,
): Promise<void> {
  const service = experimentsService(context.db);
  const networks = networkModule.api.fromRequest(context.db);

  /** The experiment in the URL, within the network; otherwise 404 (audited). */
  function experimentIn(request: FastifyRequest, networkId: number): Promise<ExperimentRow> {
    return findInNetworkOr404(
      request,
      'experimentId',
      (id) => service.findExperiment(networkId, id),
      { action: 'experiments.view', objectType: 'experiment', networkId },
    );
  }

  /** The experiment, when the actor may work on it (team or coordinator); else 403. */
  async function workable(request: FastifyRequest) {
    const network = await networks.inUrl(request, 'experiments.view', can);
    const experiment = await experimentIn(request, network.id);
    const team = await service.listTeam(experiment.id);
    await request.authorize(
      can(request.actor, 'experiments.work', { networkId: network.id, team }),
      {
        action: 'experiments.work',
        objectType: 'experiment',
        objectId: experiment.id,
        networkId: network.id,
      },
    );
    return { network, experiment };
  }

  async function detailVm(
    request: FastifyRequest,
    network: { id: number; name: string },
    id: number,
  ) {
    const detail = (await service.findDetail(network.id, id))!;
    return presentExperiment(request.t, request.lang, {
      network,
      detail,
      actor: request.actor,
      members: await service.listMembers(network.id),
      today: today(),
      megapixels: megapixels(),
    });
  }

  const refusal = (request: FastifyRequest, result: Exclude<ChangeResult, { ok: true }>) =>
    request.t(`experiments.error.${result.reason}`);

  // ── The board ─────────────────────────────────────────────────────────────────────────

  app.get('/netwerk/:networkId/experimenten', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'experiments.view', can);
    const groups = groupByStatus(await service.listExperiments(network.id));
    const vm = presentBoard(
      request.t,
      request.lang,
      network,
      groups,
      can(request.actor, 'experiments.create', { networkId: network.id }),
    );
    return reply.page((ctx) => <BoardPage ctx={ctx} vm={vm} />);
  });

  // ── Propose ───────────────────────────────────────────────────────────────────────────

  async function formVm(network: { id: number; name: string }, request: FastifyRequest) {
    const me = request.actor?.personId;
    return {
      network,
      members: (await service.listMembers(network.id))
        .filter((m) => m.personId !== me)
        .map((m) => ({
          personId: m.personId,
          label: `${m.name} (${request.t(`experiments.role.${m.role}`)})`,
        })),
    };
  }

  app.get('/netwerk/:networkId/experimenten/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'experiments.create', can);
    const signal = idParam.safeParse((request.query as { signaal?: string }).signaal);
    const vm = await formVm(network, request);
    const state: FormState = { values: signal.success ? { signals: String(signal.data) } : {} };
    return reply.page((ctx) => <ExperimentFormPage ctx={ctx} vm={vm} state={state} />);
  });

  app.post('/netwerk/:networkId/experimenten/nieuw', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'experiments.create', can);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(experimentSchema, body, request.t);
    const errors = form.ok ? {} : { ...form.errors };
    if (
      form.ok &&
      form.data.startsOn &&
      form.data.endsOn &&
      form.data.endsOn < form.data.startsOn
    ) {
      errors.endsOn = request.t('experiments.error.period');
    }
    if (!form.ok || Object.keys(errors).length > 0) {
      const vm = await formVm(network, request);
      return reply.page(
        (ctx) => (
          <ExperimentFormPage ctx={ctx} vm={vm} state={{ errors, values: formValues(body) }} />
        ),
        400,
      );
    }
    const teamIds = Object.keys(body)
      .map((k) => /^team-(\d{1,9})$/.exec(k)?.[1])
      .filter((x): x is string => x !== undefined && body[`team-${x}`] === 'on')
      .map(Number);
    const id = await service.createExperiment(network.id, request.actor!.personId, {
      title: form.data.title,
      question: form.data.question,
      approach: form.data.approach,
      startsOn: form.data.startsOn || null,
      endsOn: form.data.endsOn || null,
      signalIds:
        form.data.signals === '' ? [] : form.data.signals.split(',').map((s) => Number(s.trim())),
      teamIds,
    });
    return reply
      .flash('ok', 'experiments.saved')
      .redirect(`/netwerk/${network.id}/experimenten/${id}`, 303);
  });

  // ── One experiment ────────────────────────────────────────────────────────────────────

  app.get('/netwerk/:networkId/experimenten/:experimentId', checked, async (request, reply) => {
    const network = await networks.inUrl(request, 'experiments.view', can);
    const experiment = await experimentIn(request, network.id);
    const vm = await detailVm(request, network, experiment.id);
    return reply.page((ctx) => <ExperimentPage ctx={ctx} vm={vm} state={{}} />);
  });

  app.post(
    '/netwerk/:networkId/experimenten/:experimentId/meedoen',
    checked,
    async (request, reply) => {
      const network = await networks.inUrl(request, 'experiments.view', can);
      const experiment = await experimentIn(request, network.id);
      await request.authorize(can(request.actor, 'experiments.join', { networkId: network.id }), {
        action: 'experiments.join',
        objectType: 'experiment',
        objectId: experiment.id,
        networkId: network.id,
      });
      const base = `/netwerk/${network.id}/experimenten/${experiment.id}`;
      if (experiment.status !== 'idea' && experiment.status !== 'running') {
        const vm = await detailVm(request, network, experiment.id);
        const state = { errors: { form: request.t('experiments.error.flow') } };
        return reply.page((ctx) => <ExperimentPage ctx={ctx} vm={vm} state={state} />, 409);
      }
      await service.addTeamMember(network.id, experiment.id, request.actor!.personId);
      return reply.flash('ok', 'experiments.joined').redirect(base, 303);
    },
  );

  app.post(
    '/netwerk/:networkId/experimenten/:experimentId/team',
    checked,
    async (request, reply) => {
      const { network, experiment } = await workable(request);
      const base = `/netwerk/${network.id}/experimenten/${experiment.id}`;
      const personId = idParam.safeParse(
        (request.body as { personId?: string } | undefined)?.personId,
      );
      const open = experiment.status === 'idea' || experiment.status === 'running';
      const added =
        open &&
        personId.success &&
        (await service.addTeamMember(network.id, experiment.id, personId.data));
      if (!added) {
        const vm = await detailVm(request, network, experiment.id);
        const message = open
          ? request.t('experiments.error.member')
          : request.t('experiments.error.flow');
        const state = { errors: { form: message } };
        return reply.page((ctx) => <ExperimentPage ctx={ctx} vm={vm} state={state} />, 400);
      }
      return reply.flash('ok', 'experiments.saved').redirect(base, 303);
    },
  );

  app.post(
    '/netwerk/:networkId/experimenten/:experimentId/team/verwijderen',
    checked,
    async (request, reply) => {
      const { network, experiment } = await workable(request);
      const base = `/netwerk/${network.id}/experimenten/${experiment.id}`;
      const personId = idParam.safeParse(
        (request.body as { personId?: string } | undefined)?.personId,
      );
      const result: ChangeResult = !personId.success
        ? { ok: false, reason: 'flow' }
        : experiment.status === 'idea' || experiment.status === 'running'
          ? await service.removeTeamMember(network.id, experiment, personId.data)
          : { ok: false, reason: 'flow' };
      if (!result.ok) {
        const vm = await detailVm(request, network, experiment.id);
        const state = { errors: { form: refusal(request, result) } };
        return reply.page((ctx) => <ExperimentPage ctx={ctx} vm={vm} state={state} />, 409);
      }
      return reply.flash('ok', 'experiments.saved').redirect(base, 303);
    },
  );

  app.post(
    '/netwerk/:networkId/experimenten/:experimentId/stand',
    checked,
    async (request, reply) => {
      const { network, experiment } = await workable(request);
      const base = `/netwerk/${network.id}/experimenten/${experiment.id}`;
      const to = (request.body as { to?: string } | undefined)?.to;
      const result: ChangeResult =
        to === 'running' || to === 'stopped'
          ? await service.changeStatus(network.id, experiment, to, today())
          : { ok: false, reason: 'flow' };
      if (!result.ok) {
        const vm = await detailVm(request, network, experiment.id);
        const state = { errors: { form: refusal(request, result) } };
        return reply.page((ctx) => <ExperimentPage ctx={ctx} vm={vm} state={state} />, 409);
      }
      return reply
        .flash('ok', to === 'running' ? 'experiments.started' : 'experiments.stopped')
        .redirect(base, 303);
    },
  );

  registerLogRoutes(app, { service, networks, experimentIn, workable, detailVm, refusal });

  // ── Evaluation → lessons ──────────────────────────────────────────────────────────────

  app.get(
    '/netwerk/:networkId/experimenten/:experimentId/evaluatie',
    checked,
    async (request, reply) => {
      const { network, experiment } = await workable(request);
      const vm = { network, id: experiment.id, title: experiment.title, lessonRows: LESSON_ROWS };
      return reply.page((ctx) => <EvaluationPage ctx={ctx} vm={vm} state={{}} />);
    },
  );

  app.post(
    '/netwerk/:networkId/experimenten/:experimentId/evaluatie',
    checked,
    async (request, reply) => {
      const { network, experiment } = await workable(request);
      const body = (request.body ?? {}) as Record<string, unknown>;
      const text = (k: string) => String(body[k] ?? '').trim();
      const errors: Record<string, string> = {};
      const evaluation = text('evaluation');
      if (evaluation === '') errors.evaluation = request.t('form.required');
      else if (evaluation.length > 10_000)
        errors.evaluation = request.t('form.tooLong', { max: 10_000 });
      const lessons: { title: string; body: string; differently: string }[] = [];
      let rows = LESSON_ROWS;
      for (let n = 1; n <= LESSONS_MAX; n++) {
        if (!(`lesson${n}Title` in body)) continue;
        rows = Math.max(rows, n);
        const lesson = {
          title: text(`lesson${n}Title`),
          body: text(`lesson${n}Body`),
          differently: text(`lesson${n}Differently`),
        };
        if (lesson.title === '' && lesson.body === '' && lesson.differently === '') continue;
        if (lesson.title === '') errors[`lesson${n}Title`] = request.t('form.required');
        else if (lesson.title.length > 200)
          errors[`lesson${n}Title`] = request.t('form.tooLong', { max: 200 });
        if (lesson.body === '') errors[`lesson${n}Body`] = request.t('form.required');
        else if (lesson.body.length > 4000)
          errors[`lesson${n}Body`] = request.t('form.tooLong', { max: 4000 });
        if (lesson.differently.length > 4000)
          errors[`lesson${n}Differently`] = request.t('form.tooLong', { max: 4000 });
        lessons.push(lesson);
      }
      if (lessons.length === 0 && !errors.lesson1Title) {
        errors.lesson1Title = request.t('experiments.error.lessons');
      }
      const vm = { network, id: experiment.id, title: experiment.title, lessonRows: rows };
      if (Object.keys(errors).length > 0) {
        const state = { errors, values: formValues(body) };
        return reply.page((ctx) => <EvaluationPage ctx={ctx} vm={vm} state={state} />, 400);
      }
      const result = await service.evaluate(network.id, experiment, {
        evaluation,
        lessons,
        authorId: request.actor!.personId,
        today: today(),
      });
      if (!result.ok) {
        const state = {
          errors: { evaluation: refusal(request, result) },
          values: formValues(body),
        };
        return reply.page((ctx) => <EvaluationPage ctx={ctx} vm={vm} state={state} />, 409);
      }
      return reply
        .flash('ok', 'experiments.evaluated')
        .redirect(`/netwerk/${network.id}/experimenten/${experiment.id}`, 303);
    },
  );
}
