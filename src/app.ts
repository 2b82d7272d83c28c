// Builds the web application: the platform plugins first, then each module, in one
// readable list. server.ts starts it; tests build it the same way and call app.inject.
import { randomBytes, randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { Database, DatabaseHandle } from './db/client.js';
import { DEMO_PASSWORD, demoAccounts, networkRoutes } from './modules/network/index.js';
import { actorResolver, peopleRoutes, peopleService } from './modules/people/index.js';
import {
  runSignalRetention,
  signalsPersonData,
  signalsPublicSection,
  signalsRoutes,
} from './modules/signals/index.js';
import { siteRoutes } from './modules/site/index.js';
import {
  meetingsPublicSection,
  sparksPersonData,
  sparksPublicSection,
  sparksRoutes,
} from './modules/sparks/index.js';
import { recordRoutes, registerAccess } from './platform/access.js';
import { loadAssetManifest, registerAssets } from './platform/assets.js';
import { registerErrorPages } from './platform/errors.js';
import type { DailyJob } from './platform/jobs.js';
import { createMailer } from './platform/mail.js';
import { type NavEntry, registerPages } from './platform/pages.js';
import { databaseRateLimitStore, rateLimitKeys } from './platform/rate-limit.js';
import { platformRepository } from './platform/repository.js';
import { registerSecurityHeaders } from './platform/security-headers.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The access rule a route applies; every route names one (see the route audit test). */
    policy?: string;
  }
}

/** The daily jobs of the modules; server.ts runs them (tests call them with their own clock). */
export function dailyJobs(db: Database): DailyJob[] {
  return [{ name: 'signal-retention', run: (now) => runSignalRetention(db, now) }];
}

function nav(request: FastifyRequest): NavEntry[] {
  const items: NavEntry[] = [
    { href: '/', label: 'layout.nav.home' },
    { href: '/buurten', label: 'layout.nav.networks' },
  ];
  const actor = request.actor;
  if (!actor) return [...items, { href: '/inloggen', label: 'nav.login' }];
  items.push({ href: '/netwerk', label: 'nav.myNetwork' });
  if (actor.isAdmin) items.push({ href: '/beheer/logboek', label: 'nav.admin' });
  return items;
}

/** The network slug of a public network page (/buurt/:slug). */
const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

export async function buildApp(config: Config, database: DatabaseHandle): Promise<FastifyInstance> {
  const secure = config.publicUrl?.startsWith('https://') ?? false;
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

  // Platform: cookies, forms, security headers, CSRF, rate limits, static files, pages.
  const cookieSecret =
    config.cookieSecret ??
    (await platform.insertSettingOnce('cookie_secret', randomBytes(32).toString('base64url')));
  await app.register(fastifyCookie, { secret: cookieSecret });
  await app.register(fastifyFormbody);
  // The helmet options as before, computed once (src/platform/security-headers.ts).
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  await app.register(fastifyCsrf, {
    cookieKey: 'csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true },
    getToken: (request) => (request.body as { _csrf?: string } | undefined)?._csrf,
  });
  // No state changes without a valid token from one of our own forms.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') {
      return done();
    }
    app.csrfProtection(request, reply, done);
  });
  // Every form post is rate-limited per address unless its route sets its own limit.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.includes('POST') && route.config?.rateLimit === undefined) {
      route.config = { ...route.config, rateLimit: { max: 60, timeWindow: 60_000 } };
    }
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // The plugin's types describe child() differently from what it passes at run time.
    store: databaseRateLimitStore(
      platform,
      rateLimitKeys(cookieSecret),
    ) as unknown as FastifyRateLimitStoreCtor,
    skipOnError: false,
  });
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
        user: { displayName: actor.displayName },
        network: current && { name: current.networkName, slug: current.slug },
      };
    },
  });
  registerErrorPages(app);

  // Who is asking: the session, resolved by the people module; each route names its policy.
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const people = peopleService({
    db: database.db,
    mailer,
    codeSecret: cookieSecret,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
    personData: [signalsPersonData, sparksPersonData],
  });
  registerAccess(app, {
    db: database.db,
    resolveActor: actorResolver(people),
    loginPath: '/inloggen',
  });

  // Modules.
  await app.register(siteRoutes, { database });
  await app.register(networkRoutes, {
    db: database.db,
    // Blocks of other modules on a network's public page, in this order.
    // The page has found the network by its slug: the sections need not look it up again.
    sections: [
      (id, request) =>
        meetingsPublicSection(database.db, { id, slug: slugOf(request) }, request.t, request.lang),
      (id, request) => sparksPublicSection(database.db, { id, slug: slugOf(request) }, request.t),
      async (_id, request) => signalsPublicSection(slugOf(request), request.t),
    ],
  });
  await app.register(signalsRoutes, { db: database.db, config });
  await app.register(sparksRoutes, { db: database.db, config });
  await app.register(peopleRoutes, {
    service: people,
    config,
    db: database.db,
    demoPassword: DEMO_PASSWORD,
    demoAccounts: demoAccounts.map((a) => ({
      account: a.login,
      role: a.roleLabel,
      network: a.network ?? '',
    })),
  });

  return app;
}
