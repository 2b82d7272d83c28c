// The logbook of an experiment: add an entry (with an optional photo), change one (its photo
// kept, replaced or removed), and the entry's photo itself — served only to those who may
// see the experiment, checked on every request. Part of experimentsRoutes (routes.tsx).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../platform/access.js';
import { type FormErrors, type FormState, formValues, parseForm } from '../../platform/forms.js';
import { readPhotoChange, sendPhoto } from '../../platform/photos.js';
import { fromLocal } from '../../platform/time.js';
import type { networkModule } from '../network/index.js';
import { sparksModule } from '../sparks/index.js';
import { can } from './policy.js';
import { logKindOptions, logPhotoUrl } from './presenters.js';
import type { ExperimentRow } from './repository.js';
import type { ChangeResult, ExperimentsService } from './service.js';
import { logKinds } from './tables.js';
import { ExperimentPage, type ExperimentViewModel } from './views/experiment.js';
import { LogEntryFormPage } from './views/log-entry.js';

const checked = { config: { policy: 'check' as const } };

const logSchema = z.object({
  kind: z.enum(logKinds).describe('experiments.name.kind'),
  happenedOn: z
    .string()
    .trim()
    .refine((v) => fromLocal(v, '12:00') !== undefined, 'form.date')
    .describe('experiments.name.happenedOn'),
  text: z.string().trim().min(1).max(4000).describe('experiments.name.logText'),
});

/** The photo's pixel limit in megapixels (read when used: the sparks manifest loads later). */
export const megapixels = () => sparksModule.api.MAX_PHOTO_PIXELS / 1_000_000;

type Network = { id: number; name: string };

/** What the logbook routes borrow from experimentsRoutes. */
export interface LogRouteKit {
  service: ExperimentsService;
  networks: ReturnType<typeof networkModule.api.fromRequest>;
  experimentIn: (request: FastifyRequest, networkId: number) => Promise<ExperimentRow>;
  workable: (request: FastifyRequest) => Promise<{ network: Network; experiment: ExperimentRow }>;
  detailVm: (request: FastifyRequest, network: Network, id: number) => Promise<ExperimentViewModel>;
  refusal: (request: FastifyRequest, result: Exclude<ChangeResult, { ok: true }>) => string;
}

/**
 * A posted logbook form: the entry and its photo change, or the form's state with an error
 * per field (the file's too) and the input kept. Nothing is stored here.
 */
async function readLogForm(request: FastifyRequest, hasCurrentPhoto: boolean) {
  const form = parseForm(logSchema, request.body, request.t);
  const photo = await readPhotoChange(request.body, {
    hasCurrent: hasCurrentPhoto,
    t: request.t,
    megapixels: megapixels(),
    prepare: sparksModule.api.preparePhoto,
  });
  if (form.ok && photo.ok) return { ok: true as const, data: form.data, photo: photo.change };
  const errors: FormErrors = {
    ...(form.ok ? {} : form.errors),
    ...(photo.ok ? {} : photo.errors),
  };
  return { ok: false as const, state: { errors, values: formValues(request.body) } };
}

export function registerLogRoutes(app: FastifyInstance, kit: LogRouteKit): void {
  const { service, networks, experimentIn, workable, detailVm, refusal } = kit;

  app.post(
    '/netwerk/:networkId/experimenten/:experimentId/logboek',
    checked,
    async (request, reply) => {
      const { network, experiment } = await workable(request);
      const base = `/netwerk/${network.id}/experimenten/${experiment.id}`;
      const show = async (state: FormState, status: number) => {
        const vm = await detailVm(request, network, experiment.id);
        return reply.page((ctx) => <ExperimentPage ctx={ctx} vm={vm} state={state} />, status);
      };
      const read = await readLogForm(request, false);
      if (!read.ok) return show(read.state, 400);
      const result = await service.addLogEntry(
        experiment,
        { ...read.data, authorId: request.actor!.personId },
        read.photo,
      );
      if (!result.ok) {
        const state = {
          errors: { form: refusal(request, result) },
          values: formValues(request.body),
        };
        return show(state, 409);
      }
      return reply.flash('ok', 'experiments.logSaved').redirect(`${base}#logboek`, 303);
    },
  );

  /** A logbook entry of an experiment the actor may see, when they may change it. */
  async function editableEntry(request: FastifyRequest) {
    const network = await networks.inUrl(request, 'experiments.view', can);
    const experiment = await experimentIn(request, network.id);
    const raw = (request.params as { entryId?: string }).entryId;
    const parsed = idParam.safeParse(raw);
    const entry = parsed.success ? await service.findLogEntry(experiment, parsed.data) : undefined;
    const event = { action: 'experiments.editLog', objectType: 'experiment_log_entry' };
    if (!entry) {
      return request.deny({ ...event, objectId: String(raw ?? '').slice(0, 40), status: 404 });
    }
    await request.authorize(
      can(request.actor, 'experiments.editLog', {
        networkId: network.id,
        authorId: entry.authorId,
      }),
      { ...event, objectId: entry.id, networkId: network.id, status: 403 },
    );
    const photo = await service.findLogPhotoMeta(experiment, entry.id);
    const vm = {
      experimentPath: `/netwerk/${network.id}/experimenten/${experiment.id}`,
      experimentTitle: experiment.title,
      entryId: entry.id,
      logKinds: logKindOptions(request.t),
      photo: photo && {
        url: logPhotoUrl(network.id, experiment.id, entry.id),
        alt: photo.description,
        width: photo.width,
        height: photo.height,
      },
      megapixels: megapixels(),
    };
    return { experiment, entry, vm, photoDescription: photo?.description ?? '' };
  }

  app.get(
    '/netwerk/:networkId/experimenten/:experimentId/logboek/:entryId/bewerken',
    checked,
    async (request, reply) => {
      const { entry, vm, photoDescription } = await editableEntry(request);
      const values = {
        kind: entry.kind,
        happenedOn: entry.happenedOn,
        text: entry.text,
        photoDescription,
      };
      return reply.page((ctx) => <LogEntryFormPage ctx={ctx} vm={vm} state={{ values }} />);
    },
  );

  app.post(
    '/netwerk/:networkId/experimenten/:experimentId/logboek/:entryId/bewerken',
    checked,
    async (request, reply) => {
      const { experiment, entry, vm } = await editableEntry(request);
      const read = await readLogForm(request, vm.photo !== undefined);
      if (!read.ok) {
        return reply.page((ctx) => <LogEntryFormPage ctx={ctx} vm={vm} state={read.state} />, 400);
      }
      const result = await service.editLogEntry(experiment, entry.id, read.data, read.photo);
      if (!result.ok) {
        const state = {
          errors: { form: refusal(request, result) },
          values: formValues(request.body),
        };
        return reply.page((ctx) => <LogEntryFormPage ctx={ctx} vm={vm} state={state} />, 409);
      }
      return reply
        .flash('ok', 'experiments.logEdited')
        .redirect(`${vm.experimentPath}#logboek-${entry.id}`, 303);
    },
  );

  // An entry's photo: to whoever may see the experiment (members of its network), checked
  // on every request and never cached for others, so a removed photo is gone at once.
  app.get(
    '/netwerk/:networkId/experimenten/:experimentId/logboek/:entryId/foto',
    checked,
    async (request, reply: FastifyReply) => {
      const network = await networks.inUrl(request, 'experiments.view', can);
      const experiment = await experimentIn(request, network.id);
      const parsed = idParam.safeParse((request.params as { entryId?: string }).entryId);
      const photo = parsed.success
        ? await service.findLogPhoto(experiment, parsed.data)
        : undefined;
      if (!photo) {
        return request.deny({
          action: 'experiments.photo',
          objectType: 'experiment_log_entry',
          objectId: parsed.success ? parsed.data : undefined,
          networkId: network.id,
          status: 404,
        });
      }
      return sendPhoto(reply, photo, false);
    },
  );
}
