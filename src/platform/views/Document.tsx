import type { ComponentChildren } from 'preact';
import type { ViewContext } from './context.js';

interface DocumentProps {
  ctx: ViewContext;
  /** The page's own title; the platform's name is added after it. */
  title: string;
  /** Classes of <body> besides the theme's. */
  bodyClass: string;
  /** Extra stylesheets and deferred scripts (asset names), after the site's own. */
  styles?: string[];
  scripts?: string[];
  children: ComponentChildren;
}

/**
 * The one HTML document shell: language, viewport, title, the site's stylesheets (print
 * styles for print), favicon. Layout puts the site's header, navigation and footer in it;
 * full-screen pages such as the sparks round use it bare.
 */
export function Document({ ctx, title, bodyClass, styles, scripts, children }: DocumentProps) {
  return (
    <html lang={ctx.lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${ctx.t('layout.platformName')}`}</title>
        <link rel="stylesheet" href={ctx.asset('theme.css')} />
        <link rel="stylesheet" href={ctx.asset('utrecht.css')} />
        <link rel="stylesheet" href={ctx.asset('app.css')} />
        <link rel="stylesheet" href={ctx.asset('print.css')} media="print" />
        {(styles ?? []).map((name) => (
          <link key={name} rel="stylesheet" href={ctx.asset(name)} />
        ))}
        <link rel="icon" href={ctx.asset('favicon.svg')} type="image/svg+xml" />
        {(scripts ?? []).map((name) => (
          <script key={name} src={ctx.asset(name)} defer />
        ))}
      </head>
      <body class={`utrecht-theme ${bodyClass}`}>{children}</body>
    </html>
  );
}
