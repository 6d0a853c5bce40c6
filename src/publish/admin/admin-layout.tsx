import type { ComponentChildren } from 'preact';

/** What every admin page shows about who is signed in; absent on the sign-in page. */
export interface AdminViewer {
  email: string;
  csrfToken: string;
}

/** The frame of admin pages: the site's stylesheet, and a sign-out button when signed in. */
export function AdminLayout(props: { siteTitle: string; title: string; viewer?: AdminViewer | undefined; children: ComponentChildren }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} — ${props.siteTitle} admin`}</title>
        <link rel="stylesheet" href="/static/site.css" />
      </head>
      <body>
        <header class="masthead">
          <a href="/admin" class="brand">
            {props.siteTitle} admin
          </a>
          <a href="/">Public site</a>
          {props.viewer ? (
            <form method="post" action="/admin/sign-out" class="inline">
              <CsrfField token={props.viewer.csrfToken} />
              <span class="meta">{props.viewer.email}</span> <button type="submit">Sign out</button>
            </form>
          ) : null}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** The hidden field every admin form carries; the server compares it with the session's token. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}
