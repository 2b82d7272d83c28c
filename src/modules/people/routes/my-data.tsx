// My data: what the platform holds about me, whether I am listed on public pages, a download
// of everything (AVG articles 15 and 20), and erasing my account (article 17).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '../../../platform/access.js';
import { roleIn } from '../../../platform/actor.js';
import { formValues, parseForm } from '../../../platform/forms.js';
import { buildPersonArchive } from '../archive.js';
import { presentMyData } from '../presenters.js';
import { SESSION_COOKIE } from '../session.js';
import { MyDataPage } from '../views/admin.js';
import { actorOf, type PeopleDeps, signedIn } from './shared.js';

const eraseSchema = z.object({
  password: z.string().min(1).max(200),
  confirm: z.literal('on', { errorMap: () => ({ message: 'myData.erase.confirmRequired' }) }),
});

export async function myDataRoutes(app: FastifyInstance, deps: PeopleDeps): Promise<void> {
  const { service } = deps;

  async function myDataView(request: FastifyRequest) {
    const actor = await actorOf(request);
    const [person, memberships] = await Promise.all([
      service.findPersonById(actor.personId),
      service.listMembershipsOf(actor.personId),
    ]);
    return presentMyData(request.t, person, memberships);
  }

  app.get('/mijn-gegevens', signedIn, async (request, reply) => {
    const vm = await myDataView(request);
    return reply.page((ctx) => <MyDataPage ctx={ctx} vm={vm} />);
  });

  app.post('/mijn-gegevens/zichtbaarheid', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const values = formValues(request.body);
    const networkId = idParam.safeParse(values.networkId);
    if (networkId.success && roleIn(actor, networkId.data)) {
      await service.setListed(actor, networkId.data, values[`listed-${networkId.data}`] === 'on');
    }
    return reply.flash('ok', 'myData.listedSaved').redirect('/mijn-gegevens', 303);
  });

  app.post('/mijn-gegevens/download', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const data = await service.exportPerson(actor.personId, request.ip);
    const files = await service.listPersonFiles(actor.personId);
    const archive = buildPersonArchive(data, files, request.t, request.lang);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', 'attachment; filename="mijn-gegevens-buurtkracht.zip"')
      .header('cache-control', 'no-store')
      .send(Buffer.from(archive));
  });

  app.post('/mijn-gegevens/verwijderen', signedIn, async (request, reply) => {
    const actor = await actorOf(request);
    const form = parseForm(eraseSchema, request.body, request.t);
    const errors = form.ok ? {} : { ...form.errors };
    if (form.ok && !(await service.checkPassword(actor.personId, form.data.password))) {
      errors.password = request.t('myData.erase.wrongPassword');
    }
    if (Object.keys(errors).length > 0) {
      const vm = { ...(await myDataView(request)), errors };
      return reply.page((ctx) => <MyDataPage ctx={ctx} vm={vm} />, 400);
    }
    await service.erasePerson(actor.personId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.flash('ok', 'myData.erased').redirect('/', 303);
  });
}
