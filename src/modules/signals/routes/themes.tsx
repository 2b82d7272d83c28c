// The pattern view and the network's own themes.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formValues, parseForm } from '../../../platform/forms.js';
import type { Translate } from '../../../platform/i18n/index.js';
import { presentPattern, presentThemes } from '../presenters.js';
import { PatternPage } from '../views/pattern.js';
import { ThemesPage } from '../views/themes.js';
import { checked, type SignalRouteKit } from './kit.js';

/** The pattern (counts per theme and month) and the themes of the network. */
export function registerPatternAndThemeRoutes(app: FastifyInstance, kit: SignalRouteKit): void {
  const { service, networkFor } = kit;

  // The pattern: counts per theme and month (person-bound signals as numbers only).

  app.get('/netwerk/:networkId/signalen/patroon', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.view');
    const vm = presentPattern(
      request.t,
      request.lang,
      network,
      await service.summarisePattern(network.id),
    );
    return reply.page((ctx) => <PatternPage ctx={ctx} vm={vm} />);
  });

  // The network's extra themes.

  async function themesView(network: { id: number; name: string }, t: Translate) {
    return presentThemes(t, network, await service.listExtraThemes(network.id));
  }

  app.get('/netwerk/:networkId/signalen/themas', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.themes');
    const vm = await themesView(network, request.t);
    return reply.page((ctx) => <ThemesPage ctx={ctx} vm={vm} />);
  });

  app.post('/netwerk/:networkId/signalen/themas', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.themes');
    const form = parseForm(
      z.object({ theme: z.string().trim().min(2).max(40).describe('signals.name.newTheme') }),
      request.body,
      request.t,
    );
    let errors = form.ok ? undefined : form.errors;
    if (form.ok) {
      const result = await service.addTheme(network.id, form.data.theme);
      if (result === 'ok') {
        return reply
          .flash('ok', 'signals.themes.added')
          .redirect(`/netwerk/${network.id}/signalen/themas`, 303);
      }
      errors = {
        theme: request.t(result === 'exists' ? 'signals.themes.exists' : 'signals.themes.full'),
      };
    }
    const vm = {
      ...(await themesView(network, request.t)),
      errors,
      values: formValues(request.body),
    };
    return reply.page((ctx) => <ThemesPage ctx={ctx} vm={vm} />, 400);
  });

  app.post('/netwerk/:networkId/signalen/themas/verwijderen', checked, async (request, reply) => {
    const network = await networkFor(request, 'signals.themes');
    const theme = formValues(request.body).theme ?? '';
    await service.removeTheme(network.id, theme);
    return reply
      .flash('ok', 'signals.themes.removed')
      .redirect(`/netwerk/${network.id}/signalen/themas`, 303);
  });
}
