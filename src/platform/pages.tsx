// How a route answers with a page: the request knows its language, the reply renders a
// view with the page context (CSRF token, flash message, navigation) and sets safe headers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AssetUrl } from './assets.js';
import {
  isLang,
  type Lang,
  type MessageKey,
  type Params,
  type Translate,
  translator,
} from './i18n/index.js';
import { safeLocalPath } from './redirects.js';
import type { FlashMessage, NavItem, ViewContext } from './views/context.js';

export type View = (ctx: ViewContext) => VNode;
export type NavEntry = { href: string; label: MessageKey };

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
  }
  interface FastifyReply {
    /** Renders a page; status 200 unless given (400 for a form with errors). */
    page(view: View, status?: number): FastifyReply;
    /** Shows a message on the next page (after a redirect). */
    flash(type: FlashMessage['type'], key: MessageKey, params?: Params): FastifyReply;
  }
}

const LANG_COOKIE = 'lang';
const FLASH_COOKIE = 'flash';

/** Only paths on this site (no open redirects): see platform/redirects.ts. */
export { safeLocalPath };

export interface PagesOptions {
  asset: AssetUrl;
  /** The main navigation for this visitor (signed in or not). */
  nav: (request: FastifyRequest) => NavEntry[];
  secure: boolean;
  /** Extra context per request: who is signed in and their network (filled by the people module). */
  viewer?: (request: FastifyRequest) => Partial<Pick<ViewContext, 'user' | 'network'>>;
}

export function registerPages(app: FastifyInstance, options: PagesOptions): void {
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('t', null as unknown as Translate);
  app.addHook('onRequest', async (request) => {
    const lang = request.cookies[LANG_COOKIE];
    request.lang = isLang(lang) ? lang : 'nl';
    request.t = translator(request.lang);
  });

  app.decorateReply('flash', function (this: FastifyReply, type, key, params) {
    const text = this.request.t(key, params);
    this.setCookie(FLASH_COOKIE, JSON.stringify({ type, text }), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      signed: true,
      maxAge: 300,
    });
    return this;
  });

  app.decorateReply('page', function (this: FastifyReply, view: View, status = 200) {
    const request = this.request;
    const ctx: ViewContext = {
      lang: request.lang,
      t: request.t,
      path: request.url.split('?')[0] ?? '/',
      csrfToken: this.generateCsrf(),
      flash: readFlash(request, this),
      nav: options.nav(request).map((n): NavItem => ({ href: n.href, label: request.t(n.label) })),
      user: undefined,
      network: undefined,
      asset: options.asset,
      ...options.viewer?.(request),
    };
    let html = `<!doctype html>${renderToString(view(ctx))}`;
    // A form shown again with errors: the title says so first (issue 12, item 11).
    if (html.includes('id="error-summary"')) {
      html = html.replace('<title>', `<title>${request.t('form.errorTitlePrefix')}`);
    }
    return this.code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  });

  app.post<{ Body: { lang?: string; back?: string } }>(
    '/taal',
    { config: { policy: 'public' } },
    async (request, reply) => {
      const lang = isLang(request.body?.lang) ? request.body.lang : 'nl';
      reply.setCookie(LANG_COOKIE, lang, {
        path: '/',
        sameSite: 'lax',
        secure: options.secure,
        maxAge: 365 * 24 * 3600,
      });
      return reply.redirect(safeLocalPath(request.body?.back), 303);
    },
  );
}

function readFlash(request: FastifyRequest, reply: FastifyReply): FlashMessage | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const parsed = JSON.parse(unsigned.value) as FlashMessage;
    if (typeof parsed.text !== 'string') return undefined;
    const type = ['ok', 'info', 'warning', 'error'].includes(parsed.type) ? parsed.type : 'info';
    return { type, text: parsed.text };
  } catch {
    return undefined;
  }
}
