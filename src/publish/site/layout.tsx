import type { ComponentChildren } from 'preact';

/** The frame of every public page. `dir="auto"` on text lets Arabic and English sit side by side. */
export function Layout(props: { siteTitle: string; title?: string; lang?: string; children: ComponentChildren }) {
  const title = props.title ? `${props.title} — ${props.siteTitle}` : props.siteTitle;
  return (
    <html lang={props.lang ?? 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="stylesheet" href="/static/site.css" />
      </head>
      <body>
        <header class="masthead">
          <a href="/" class="brand">
            {props.siteTitle}
          </a>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
