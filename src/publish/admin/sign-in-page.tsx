import { renderPage } from '../site/render.js';
import { AdminLayout, CsrfField } from './admin-layout.js';

/** The sign-in form; after a failure it shows why and keeps the email typed. */
export function renderSignInPage(data: { siteTitle: string; csrfToken: string; email?: string; error?: string }): string {
  return renderPage(
    <AdminLayout siteTitle={data.siteTitle} title="Sign in">
      <h1>Sign in</h1>
      {data.error ? (
        <p class="error" role="alert">
          {data.error}
        </p>
      ) : null}
      <form method="post" action="/admin/sign-in">
        <CsrfField token={data.csrfToken} />
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={data.email ?? ''} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
    </AdminLayout>,
  );
}
