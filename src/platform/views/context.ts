import type { Lang, Translate } from '../i18n/index.js';

export interface NavItem {
  href: string;
  label: string;
}

export interface FlashMessage {
  type: 'ok' | 'info' | 'warning' | 'error';
  text: string;
}

/** What every page needs besides its own view model: language, CSRF token, flash, who is here. */
export interface ViewContext {
  lang: Lang;
  t: Translate;
  /** The page's path, without its query. */
  path: string;
  /**
   * Where the language switch brings the visitor back: this page with its query (such as an
   * invitation's `?code=`), a local path only (see safeLocalPath).
   */
  returnPath: string;
  csrfToken: string;
  flash: FlashMessage | undefined;
  nav: NavItem[];
  /** Who is signed in; `unread`: their unread notifications (undefined: not counted). */
  user: { displayName: string; unread?: number } | undefined;
  network: { name: string; slug: string } | undefined;
  asset: (name: string) => string;
}
