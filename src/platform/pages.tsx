// How a route answers with a page: the request knows its language, the reply renders a
// view with the page context (CSRF token, flash message, navigation) and sets safe headers.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AssetUrl } from './assets.js';
import {
  chosenLanguage,
  isLang,
  isMessageKey,
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
    /** The interface language: the `lang` cookie's, else Dutch. */
    lang: Lang;
    t: Translate;
    /**
     * Whether the visitor chose `lang` (the cookie is set, by the footer switch or at sign-in);
     * false means Dutch by default, so a page about something in another language (an
     * invitation written in English) may show itself in that language instead.
     */
    langChosen: boolean;
  }
  interface FastifyReply {
    /**
     * Renders a page; status 200 unless given (400 for a form with errors). `lang` renders
     * it in another language than the visitor's (a letter in the language chosen for its
     * reader, issue 12 item 13): the page's `lang` attribute, texts and navigation.
     */
    page(view: View, status?: number, lang?: Lang): FastifyReply;
    /**
     * A message for the next page (a signed cookie, 5 minutes): kept as its key and
     * parameters and written in the language of the page that shows it.
     */
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

/**
 * Views that depend on the page context only (see staticView), each with its renderings: the
 * page split where the CSRF token goes, so that every reply gets a fresh token in between.
 */
const staticViews = new WeakMap<View, Map<string, string[]>>();
/** The most contexts one static view keeps a rendering for (pages × languages × visitors). */
const STATIC_VIEW_ENTRIES = 64;

/**
 * Marks a view that shows nothing but its page context (no data of its own, no query
 * string): reply.page renders it once per context — language, path, navigation, who is
 * signed in — and reuses that, with a fresh CSRF token for every reply. Define it once,
 * outside the handler, so that it is the same function for every request.
 */
export function staticView(view: View): View {
  staticViews.set(view, new Map());
  return view;
}

export function registerPages(app: FastifyInstance, options: PagesOptions): void {
  // A placeholder nobody can guess, so no text of a page can be taken for it.
  const tokenSlot = `bk-csrf-${randomBytes(16).toString('hex')}`;
  const translators: Record<Lang, Translate> = { nl: translator('nl'), en: translator('en') };
  app.decorateRequest('lang', 'nl');
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('langChosen', false);
  app.addHook('onRequest', (request, _reply, done) => {
    const lang = request.cookies[LANG_COOKIE];
    request.langChosen = isLang(lang);
    request.lang = chosenLanguage(lang);
    request.t = translators[request.lang];
    done();
  });

  app.decorateReply('flash', function (this: FastifyReply, type, key, params) {
    this.setCookie(FLASH_COOKIE, JSON.stringify({ type, key, params }), {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      signed: true,
      maxAge: 300,
    });
    return this;
  });

  app.decorateReply('page', function (this: FastifyReply, view: View, status = 200, as?: Lang) {
    const request = this.request;
    const lang = as ?? request.lang;
    const t = translators[lang];
    const flash = readFlash(request, this, t);
    const viewer = options.viewer?.(request);
    const path = request.url.split('?')[0] ?? '/';
    const entries = options.nav(request);
    const cache = flash ? undefined : staticViews.get(view);
    // The language switch returns to this page with its query (an invitation's code), except
    // on a static view, which shows nothing of the query and is cached by its path.
    const returnPath = staticViews.has(view) ? path : safeLocalPath(request.url, path);
    const context = (csrfToken: () => string) =>
      new PageContext(
        lang,
        t,
        path,
        returnPath,
        csrfToken,
        flash,
        entries.map((n): NavItem => ({ href: n.href, label: t(n.label) })),
        viewer?.user,
        viewer?.network,
        options.asset,
      );
    let html: string;
    if (cache) {
      // Everything a static view can show: the language, path, navigation and who is here.
      const key = [
        lang,
        path,
        entries.map((n) => n.href).join(' '),
        viewer?.user?.displayName ?? '',
        viewer?.user?.unread ?? '',
        viewer?.network?.slug ?? '',
        viewer?.network?.name ?? '',
      ].join('\n');
      let parts = cache.get(key);
      if (!parts) {
        const page = `<!doctype html>${renderToString(view(context(() => tokenSlot)))}`;
        parts = page.split(tokenSlot);
        if (cache.size >= STATIC_VIEW_ENTRIES) cache.clear();
        cache.set(key, parts);
      }
      html = parts.length === 1 ? parts[0]! : parts.join(this.generateCsrf());
    } else {
      // The CSRF secret, cookie and token are made only when the page has a form using them.
      let token: string | undefined;
      html = `<!doctype html>${renderToString(
        view(
          context(() => {
            token ??= this.generateCsrf();
            return token;
          }),
        ),
      )}`;
    }
    // A form shown again with errors: the title says so first (issue 12, item 11).
    if (html.includes('id="error-summary"')) {
      html = html.replace('<title>', `<title>${t('form.errorTitlePrefix')}`);
    }
    return this.code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  });

  app.post<{ Body: { lang?: string; back?: string } }>(
    '/taal',
    // A preference of this browser, not data on the server: no CSRF token (decision 0016), so
    // pages without another form need no CSRF secret or cookie. Still rate-limited.
    { config: { policy: 'public', csrf: 'exempt' } },
    async (request, reply) => {
      const lang = chosenLanguage(request.body?.lang);
      setLanguageCookie(reply, lang, options.secure);
      return reply.redirect(safeLocalPath(request.body?.back), 303);
    },
  );
}

/** The page context; the CSRF token is asked for only by views that have a form. */
class PageContext implements ViewContext {
  constructor(
    readonly lang: Lang,
    readonly t: Translate,
    readonly path: string,
    readonly returnPath: string,
    private readonly token: () => string,
    readonly flash: FlashMessage | undefined,
    readonly nav: NavItem[],
    readonly user: ViewContext['user'],
    readonly network: ViewContext['network'],
    readonly asset: AssetUrl,
  ) {}

  get csrfToken(): string {
    return this.token();
  }
}

/**
 * The flash message set by the request before (see `reply.flash`), written with `t`, the
 * language of the page that shows it (a sign-in or a language switch may have changed it in
 * between); undefined when there is none or it is not one of ours.
 */
function readFlash(
  request: FastifyRequest,
  reply: FastifyReply,
  t: Translate,
): FlashMessage | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const parsed = JSON.parse(unsigned.value) as {
      type?: FlashMessage['type'];
      key?: unknown;
      params?: Params;
    };
    const key = parsed.key;
    if (typeof key !== 'string' || !isMessageKey(key)) return undefined;
    const type = ['ok', 'info', 'warning', 'error'].includes(parsed.type ?? '')
      ? parsed.type!
      : 'info';
    return { type, text: t(key, parsed.params) };
  } catch {
    return undefined;
  }
}

/** Sets the interface language for this browser (a year); also used after sign-in. */
export function setLanguageCookie(reply: FastifyReply, lang: Lang, secure: boolean): void {
  reply.setCookie(LANG_COOKIE, lang, {
    path: '/',
    sameSite: 'lax',
    secure,
    maxAge: 365 * 24 * 3600,
  });
}
