import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.js';
import { Document } from './Document.js';

interface LayoutProps {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}

/** The page around every view: skip link, header, main navigation, content, footer. */
export function Layout({ ctx, title, children }: LayoutProps) {
  const { t } = ctx;
  const other = ctx.lang === 'nl' ? 'en' : 'nl';
  return (
    <Document
      ctx={ctx}
      title={title}
      bodyClass="utrecht-document utrecht-page-body"
      scripts={['forms.js']}
    >
      <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('layout.skipLink')}
      </a>
      <div class="utrecht-page-layout bk-page">
        <header class="utrecht-page-header bk-header">
          <div class="utrecht-page-header__content bk-container bk-header__content">
            <a class="bk-brand" href="/">
              <span class="bk-brand__name">{t('layout.platformName')}</span>
              <span class="bk-brand__tagline">{t('layout.tagline')}</span>
            </a>
            {ctx.user ? (
              <div class="bk-userbar">
                <span>{t('header.signedInAs', { name: ctx.user.displayName })}</span>
                <a class="utrecht-link" href="/meldingen">
                  {ctx.user.unread
                    ? t('notifications.navUnread', { count: ctx.user.unread })
                    : t('notifications.nav')}
                </a>
                <a class="utrecht-link" href="/mijn-gegevens">
                  {t('header.myData')}
                </a>
                <form method="post" action="/uitloggen" class="bk-inline-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <button
                    type="submit"
                    class="utrecht-button utrecht-button--secondary-action bk-logout"
                  >
                    {t('logout.submit')}
                  </button>
                </form>
              </div>
            ) : null}
            {ctx.network ? (
              <p class="bk-header__network">
                <a class="utrecht-link" href={`/buurt/${ctx.network.slug}`}>
                  {t('layout.currentNetwork', { name: ctx.network.name })}
                </a>
              </p>
            ) : null}
          </div>
        </header>
        <nav class="utrecht-nav-bar bk-nav" aria-label={t('layout.mainNav')}>
          <div class="utrecht-nav-bar__content bk-container">
            <ul class="utrecht-nav-list bk-nav__list">
              {ctx.nav.map((item) => {
                const current =
                  item.href === '/' ? ctx.path === '/' : ctx.path.startsWith(item.href);
                return (
                  <li class="utrecht-nav-list__item" key={item.href}>
                    <a
                      class="utrecht-link bk-nav__link"
                      href={item.href}
                      aria-current={current ? 'page' : undefined}
                    >
                      {item.label}
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
        <main id="main" class="utrecht-page-content bk-container bk-main" tabindex={-1}>
          {ctx.flash ? (
            <div
              class={`utrecht-alert utrecht-alert--${ctx.flash.type} bk-flash`}
              role={ctx.flash.type === 'error' ? 'alert' : 'status'}
            >
              <p class="utrecht-paragraph">{ctx.flash.text}</p>
            </div>
          ) : null}
          {children}
        </main>
        <footer class="utrecht-page-footer bk-footer">
          <div class="utrecht-page-footer__content bk-container bk-footer__content">
            <nav aria-label={t('layout.footer')}>
              <ul class="bk-footer__links">
                <li>
                  <a class="utrecht-link" href="/toegankelijkheid">
                    {t('layout.footer.accessibility')}
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href="/privacy">
                    {t('layout.footer.privacy')}
                  </a>
                </li>
              </ul>
            </nav>
            {/* No CSRF token: the switch only sets this browser's language (decision 0016). */}
            <form method="post" action="/taal" class="bk-lang">
              <input type="hidden" name="lang" value={other} />
              <input type="hidden" name="back" value={ctx.returnPath} />
              <button
                type="submit"
                class="utrecht-link-button utrecht-link-button--html-button"
                lang={other}
              >
                {t('layout.language.switchTo')}
              </button>
            </form>
            <p class="utrecht-paragraph bk-footer__about">{t('layout.footer.about')}</p>
          </div>
        </footer>
      </div>
    </Document>
  );
}
