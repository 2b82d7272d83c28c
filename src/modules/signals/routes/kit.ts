// What every signals route file shares: the service, the network of a member page and a
// signal within it, each with the signals policy applied (refusals are audited 404s).
import type { FastifyRequest } from 'fastify';
import { findInNetworkOr404 } from '../../../platform/access.js';
import type { ModuleContext } from '../../../platform/module.js';
import { networkModule } from '../../network/index.js';
import { can, type SignalAction, signalResource } from '../policy.js';
import { type LoadedSignal, type SignalsService, signalsService } from '../service/index.js';

/** Member pages: the handler must decide access (platform/access.ts). */
export const checked = { config: { policy: 'check' as const } };

/** The network of a page, as the signals pages need it. */
export interface NetworkRef {
  id: number;
  name: string;
}

/** The shared helpers of the signals routes, built once per app. */
export interface SignalRouteKit {
  service: SignalsService;
  /** The database, for other modules' faces (the experiments linked to a signal). */
  db: ModuleContext['db'];
  networks: ReturnType<typeof networkModule.api.fromRequest>;
  /** The network in the URL when the actor may do `action` there; otherwise 404. */
  networkFor(request: FastifyRequest, action: SignalAction): Promise<NetworkRef & { slug: string }>;
  /** A signal of that network the actor may do `action` on; otherwise 404. */
  signalFor(
    request: FastifyRequest,
    action: SignalAction,
  ): Promise<{ network: NetworkRef; loaded: LoadedSignal }>;
}

export function signalRouteKit(context: ModuleContext): SignalRouteKit {
  const service = signalsService(context.db);
  const networks = networkModule.api.fromRequest(context.db);
  const networkFor = (request: FastifyRequest, action: SignalAction) =>
    networks.inUrl(request, action, can);

  /**
   * A signal of this network the actor may act on. Refused by the platform's one rule: 404
   * when the actor may not even see the signal (another network's, or a person-bound one
   * outside its duo), 403 when they see it but may not do `action` (access.ts refusalFor).
   */
  async function signalFor(
    request: FastifyRequest,
    action: SignalAction,
  ): Promise<{ network: { id: number; name: string }; loaded: LoadedSignal }> {
    const network = await networkFor(request, 'signals.view');
    const event = { action, objectType: 'signal', networkId: network.id };
    const loaded = await findInNetworkOr404(
      request,
      'signalId',
      (id) => service.findSignal(network.id, id),
      event,
    );
    const resource = signalResource(
      network.id,
      loaded.signal,
      loaded.followers.map((f) => f.personId),
    );
    const allowed = can(request.actor, action, resource);
    const sees = can(request.actor, 'signal.read', resource);
    await request.authorize(allowed, {
      ...event,
      objectId: loaded.signal.id,
      status: sees ? 403 : 404,
      ...(sees ? { ownNetworkId: network.id } : {}),
    });
    return { network, loaded };
  }

  return { service, db: context.db, networks, networkFor, signalFor };
}
