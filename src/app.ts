// Builds the web application, as a table of contents: the platform's plugins, then who is
// asking, then every module of src/modules/index.ts in order. server.ts starts it; tests
// build it the same way and call app.inject.
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import nodemailer from 'nodemailer';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { listModules } from './modules/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { peopleModule } from './modules/people/index.js';
import { recordRoutes, registerAccess } from './platform/access.js';
import { loadAssetManifest, registerAssets } from './platform/assets.js';
import { cookieSecretFor } from './platform/cookie-secret.js';
import { registerErrorPages } from './platform/errors.js';
import { registerFormInput } from './platform/forms.js';
import type { DailyJob, FrequentWorker } from './platform/jobs.js';
import { createMailer, type Mailer, outboxRetentionJob } from './platform/mail.js';
import {
  createMailDelivery,
  type MailDelivery,
  type MailTransport,
} from './platform/mail-delivery.js';
import type { ModuleContext, WorkerContext } from './platform/module.js';
import { type NavEntry, registerPages } from './platform/pages.js';
import { registerCsrf } from './platform/plugins/csrf.js';
import { registerMultipart } from './platform/plugins/multipart.js';
import { registerRateLimits } from './platform/plugins/rate-limit.js';
import { registerSecurityHeaders } from './platform/plugins/security-headers.js';
import { platformRepository } from './platform/repository.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The access rule a route applies; every route names one (see the route audit test). */
    policy?: string;
  }
  interface FastifyRequest {
    /** The signed-in person's unread notifications, counted for GET pages (the header). */
    unreadNotifications?: number;
  }
  interface FastifyInstance {
    /** The app's one mailer (writes to the outbox and nudges the delivery worker). */
    mailer: Mailer;
  }
}

/**
 * The daily jobs of every module and the platform's own (the outbox's retention); server.ts
 * runs them (tests call them with their own clock).
 */
export function dailyJobs(database: DatabaseHandle): DailyJob[] {
  return [
    ...listModules().flatMap((module) =>
      (module.jobs ?? []).map((job) => ({
        name: job.name,
        run: (now: Date) => job.run(database.db, now),
      })),
    ),
    outboxRetentionJob(database.db),
  ];
}

/**
 * The frequent workers of every module (notifications' mail); server.ts runs them each
 * minute with the app's mailer (so their mail nudges the delivery worker), tests call them
 * with their own clock. They share the app's code secret.
 */
export async function frequentWorkers(
  config: Config,
  database: DatabaseHandle,
  log: FastifyBaseLogger,
  mailer: Mailer = createMailer({ smtpUrl: config.smtpUrl }),
): Promise<FrequentWorker[]> {
  const context: WorkerContext = {
    db: database.db,
    config,
    mailer,
    codeSecret: await cookieSecretFor(config, database.db),
    log,
  };
  return listModules().flatMap((module) =>
    (module.workers ?? []).map((worker) => ({
      name: worker.name,
      run: (now: Date) => worker.run(context, now),
    })),
  );
}

function nav(request: FastifyRequest): NavEntry[] {
  const items: NavEntry[] = [
    { href: '/', label: 'layout.nav.home' },
    { href: '/buurten', label: 'layout.nav.networks' },
    { href: '/bibliotheek', label: 'library.nav' },
    { href: '/zoeken', label: 'search.nav' },
  ];
  const actor = request.actor;
  if (!actor) return [...items, { href: '/inloggen', label: 'nav.login' }];
  items.push({ href: '/netwerk', label: 'nav.myNetwork' });
  if (actor.isAdmin) items.push({ href: '/beheer', label: 'nav.admin' });
  return items;
}

/** What tests may put in the app's place: the mail transport (nodemailer's from SMTP_URL). */
export interface BuildOptions {
  mailTransport?: MailTransport;
}

/**
 * The app with every module. With SMTP_URL (or `options.mailTransport`) its mail delivery
 * worker starts when the app is ready and stops when it closes (decision 0018).
 */
export async function buildApp(
  config: Config,
  database: DatabaseHandle,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const secure = config.publicUrl.startsWith('https://');
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
          },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });
  // Before anything registers a route: the route audit test reads this list.
  recordRoutes(app);
  const platform = platformRepository(database.db);
  const cookieSecret = await cookieSecretFor(config, database.db);

  // Platform: cookies, form bodies, uploads, security headers, CSRF, rate limits, assets, pages.
  await app.register(fastifyCookie, { secret: cookieSecret });
  await app.register(fastifyFormbody);
  await registerMultipart(app);
  // Right after the body parsers: every posted text and query value without control characters.
  registerFormInput(app);
  await registerSecurityHeaders(app, { secure });
  await registerCsrf(app, { secure });
  await registerRateLimits(app, { platform, keySecret: cookieSecret });
  await registerAssets(app);
  registerPages(app, {
    asset: loadAssetManifest(),
    nav,
    secure,
    viewer: (request) => {
      const actor = request.actor;
      if (!actor) return {};
      // The network whose pages are open, else the first one the person belongs to.
      const open = /^\/netwerk\/(\d+)/.exec(request.url)?.[1];
      const current =
        actor.memberships.find((m) => String(m.networkId) === open) ?? actor.memberships[0];
      return {
        user: { displayName: actor.displayName, unread: request.unreadNotifications },
        network: current && { name: current.networkName, slug: current.slug },
      };
    },
  });
  registerErrorPages(app);

  // Mail: written to the outbox in the caller's transaction; sent by the delivery worker.
  const transport =
    options.mailTransport ??
    (config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined);
  const delivery: MailDelivery | undefined = transport
    ? createMailDelivery({ db: database.db, transport, from: config.mailFrom, log: app.log })
    : undefined;
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    delivery: transport ? 'smtp' : 'outbox',
    onQueued: () => delivery?.nudge(),
  });
  app.decorate('mailer', mailer);
  app.addHook('onReady', async () => delivery?.start());
  app.addHook('onClose', async () => delivery?.stop());

  // What every module gets, built once.
  const modules = listModules();
  const demo = peopleModule.api.demo;
  const context: ModuleContext = {
    db: database.db,
    database,
    config,
    mailer,
    codeSecret: cookieSecret,
    publicSections: modules.flatMap((module) => module.publicSections ?? []),
    personData: modules.flatMap((module) => (module.personData ? [module.personData] : [])),
    searchProviders: modules.flatMap((module) => (module.search ? [module.search] : [])),
    moderationProviders: modules.flatMap((module) => module.moderation ?? []),
    publicationProviders: modules.flatMap((module) => module.publication ?? []),
    overviewProviders: modules.flatMap((module) => module.overview ?? []),
    demoPassword: demo.password,
    demoAccounts: demo.accounts.map((a) => ({
      account: a.login,
      role: a.roleLabel,
      network: a.network ?? '',
    })),
  };

  // Who is asking: the session, resolved by the people module; each route names its policy.
  registerAccess(app, {
    db: database.db,
    resolveActor: peopleModule.api.actorResolver(context),
    loginPath: '/inloggen',
  });

  // The unread notifications of whoever is signed in, for the header of the page shown.
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' || !request.actor) return;
    request.unreadNotifications = await notificationsModule.api.countUnread(
      database.db,
      request.actor.personId,
    );
  });

  // Modules, in the order of src/modules/index.ts.
  for (const module of modules) {
    if (module.routes) await app.register(module.routes, context);
  }

  return app;
}
