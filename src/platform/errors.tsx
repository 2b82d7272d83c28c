// One error page for every failure: a friendly text in the user's language, the right
// status, and nothing of the inner workings (no stack, no SQL, no paths).
import type { FastifyError, FastifyInstance } from 'fastify';
import { AccessDenied } from './access.js';
import './forms.js';
import type { MessageKey } from './i18n/index.js';
import type { ViewContext } from './views/context.js';
import { Layout } from './views/Layout.js';

interface ErrorViewModel {
  title: MessageKey;
  body: MessageKey;
  requestId?: string;
  /** A way back that fits the refusal (the network's start page), besides the home page. */
  back?: { href: string; label: MessageKey };
}

export function ErrorPage({ ctx, vm }: { ctx: ViewContext; vm: ErrorViewModel }) {
  const title = ctx.t(vm.title);
  return (
    <Layout ctx={ctx} title={title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      <p class="utrecht-paragraph">{ctx.t(vm.body, { requestId: vm.requestId ?? '' })}</p>
      {vm.back ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={vm.back.href}>
            {ctx.t(vm.back.label)}
          </a>
        </p>
      ) : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {ctx.t('error.backHome')}
        </a>
      </p>
    </Layout>
  );
}

function viewModelFor(status: number, error: FastifyError): ErrorViewModel {
  if (status === 404 && error instanceof AccessDenied && error.gone) {
    return { title: 'error.gone.title', body: error.gone.body, back: error.gone.back };
  }
  if (status === 404) return { title: 'error.notFound.title', body: 'error.notFound.body' };
  if (status === 413) return { title: 'error.tooLarge.title', body: 'error.tooLarge.body' };
  if (status === 400 || status === 406 || status === 415) {
    return { title: 'error.badRequest.title', body: 'error.unreadable.body' };
  }
  if (status === 403 && error.code?.startsWith('FST_CSRF')) {
    return { title: 'error.csrf.title', body: 'error.csrf.body' };
  }
  if (status === 403 && error instanceof AccessDenied && error.ownNetworkId !== undefined) {
    return {
      title: 'error.forbidden.title',
      body: 'error.forbidden.role',
      back: { href: `/netwerk/${error.ownNetworkId}`, label: 'error.forbidden.backToNetwork' },
    };
  }
  if (status === 401 || status === 403) {
    return { title: 'error.forbidden.title', body: 'error.forbidden.body' };
  }
  if (status === 429) return { title: 'error.tooMany.title', body: 'error.tooMany.body' };
  return { title: 'error.badRequest.title', body: 'error.badRequest.body' };
}

/**
 * A request that names nothing: control characters in the path (`/buurt/zonne%00hoek`), or
 * an encoding that does not decode. Answered 404 before any route looks it up.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const CONTROL_IN_PATH = /%(?:[01][0-9a-f]|7f)|[\u0000-\u001f\u007f]/i;

export function registerErrorPages(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0] ?? '';
    if (CONTROL_IN_PATH.test(path)) {
      throw Object.assign(new Error('Not Found'), { statusCode: 404 });
    }
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.page(
      (ctx) => (
        <ErrorPage ctx={ctx} vm={{ title: 'error.notFound.title', body: 'error.notFound.body' }} />
      ),
      404,
    ),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A body that could not be parsed (a multipart form without a boundary, a cut-off upload)
    // throws without a status, before any handler ran: the sender's fault, answered 400.
    const status =
      error.statusCode && error.statusCode >= 400
        ? error.statusCode
        : request.bodyRead || request.method === 'GET' || request.method === 'HEAD'
          ? 500
          : 400;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.page(
        (ctx) => (
          <ErrorPage
            ctx={ctx}
            vm={{ title: 'error.server.title', body: 'error.server.body', requestId: request.id }}
          />
        ),
        500,
      );
    }
    request.log.info({ code: error.code, status }, error.message);
    return reply.page((ctx) => <ErrorPage ctx={ctx} vm={viewModelFor(status, error)} />, status);
  });
}
