// What every meetings route file shares: the services, the route options and the meeting of
// a member page within its network.
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../../config.js';
import type { Database } from '../../../db/client.js';
import { findInNetworkOr404 } from '../../../platform/access.js';
import type { ModuleContext } from '../../../platform/module.js';
import { networkModule } from '../../network/index.js';
import { sparksModule } from '../../sparks/index.js';
import type { MeetingRow } from '../repository.js';
import { type MeetingsService, meetingsService } from '../service.js';

export const checked = { config: { policy: 'check' as const } };
export const open = { config: { policy: 'public' as const } };

/** The shared helpers of the meetings routes, built once per app. */
export interface MeetingRouteKit {
  service: MeetingsService;
  /** The sparks module's service, for the sparks round. */
  sparks: ReturnType<typeof sparksModule.api.service>;
  networks: ReturnType<typeof networkModule.api.fromRequest>;
  config: Config;
  db: Database;
  /** The key for feed-token hashes (the platform's code secret). */
  codeSecret: string;
  /** The meeting in the URL, within the network; otherwise 404 (audited). */
  loadMeeting(request: FastifyRequest, networkId: number): Promise<MeetingRow>;
}

export function meetingRouteKit(context: ModuleContext): MeetingRouteKit {
  const service = meetingsService(context.db);
  const sparks = sparksModule.api.service(context.db);
  const networks = networkModule.api.fromRequest(context.db);

  function loadMeeting(request: FastifyRequest, networkId: number): Promise<MeetingRow> {
    // The row only: the pages that show the agenda and attendance read them once, themselves.
    return findInNetworkOr404(request, 'meetingId', (id) => service.findMeetingRow(networkId, id), {
      action: 'meetings.view',
      objectType: 'meeting',
      networkId,
    });
  }

  return {
    service,
    sparks,
    networks,
    config: context.config,
    db: context.db,
    codeSecret: context.codeSecret,
    loadMeeting,
  };
}
