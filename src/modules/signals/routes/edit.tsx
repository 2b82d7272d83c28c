// Editing a signal's texts: by its author or a coordinator, the earlier version kept.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type FormState, formValues, parseForm } from '../../../platform/forms.js';
import { themeOptions } from '../presenters.js';
import { type LoadedSignal, reviewPersonalDetails } from '../service/index.js';
import { EditSignalPage, type EditSignalViewModel } from '../views/edit-signal.js';
import { signalTextFields } from './fields.js';
import { checked, type NetworkRef, type SignalRouteKit } from './kit.js';

/** GET and POST /netwerk/:networkId/signalen/:signalId/bewerken. */
export function registerEditRoutes(app: FastifyInstance, kit: SignalRouteKit): void {
  const { service, signalFor } = kit;
  const path = (networkId: number, signalId: number) =>
    `/netwerk/${networkId}/signalen/${signalId}`;

  async function editView(
    request: FastifyRequest,
    network: NetworkRef,
    loaded: LoadedSignal,
  ): Promise<EditSignalViewModel> {
    return {
      network,
      signalId: loaded.signal.id,
      themeOptions: themeOptions(request.t, await service.listThemes(network.id)),
    };
  }

  app.get('/netwerk/:networkId/signalen/:signalId/bewerken', checked, async (request, reply) => {
    const { network, loaded } = await signalFor(request, 'signal.edit');
    const s = loaded.signal;
    const vm = await editView(request, network, loaded);
    const state: FormState = {
      values: {
        title: s.title,
        description: s.description,
        theme: s.theme,
        place: s.place,
        trigger: s.trigger,
      },
    };
    return reply.page((ctx) => <EditSignalPage ctx={ctx} vm={vm} state={state} />);
  });

  app.post('/netwerk/:networkId/signalen/:signalId/bewerken', checked, async (request, reply) => {
    const { network, loaded } = await signalFor(request, 'signal.edit');
    const themes = await service.listThemes(network.id);
    const schema = z.object({
      ...signalTextFields(themes),
      bevestigd: z.string().max(50).optional().describe('signals.name.confirmed'),
    });
    const form = parseForm(schema, request.body, request.t);
    if (!form.ok) {
      const vm = await editView(request, network, loaded);
      const state = { errors: form.errors, values: form.values };
      return reply.page((ctx) => <EditSignalPage ctx={ctx} vm={vm} state={state} />, 400);
    }
    const { bevestigd, ...values } = form.data;
    const warning = reviewPersonalDetails(
      [values.title, values.description, values.place, values.trigger],
      bevestigd,
    );
    if (warning) {
      const vm = {
        ...(await editView(request, network, loaded)),
        warnings: warning.found.map((f) => request.t(`signals.warning.${f}`)),
        fingerprint: warning.fingerprint,
      };
      const state = { values: formValues(request.body) };
      return reply.page((ctx) => <EditSignalPage ctx={ctx} vm={vm} state={state} />);
    }
    await service.editSignal(request.actor!, network.id, loaded.signal.id, values);
    return reply
      .flash('ok', 'signals.edit.saved')
      .redirect(path(network.id, loaded.signal.id), 303);
  });
}
