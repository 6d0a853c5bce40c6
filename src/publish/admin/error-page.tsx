import { renderPage } from '../site/render.js';
import { AdminLayout, type AdminViewer } from './admin-layout.js';

/** An admin request that failed: what went wrong, what to do, and a way back. */
export function renderAdminErrorPage(data: { siteTitle: string; status: number; message: string; hint: string; viewer?: AdminViewer | undefined }): string {
  return renderPage(
    <AdminLayout siteTitle={data.siteTitle} title={`Error ${data.status}`} viewer={data.viewer}>
      <h1>That did not work</h1>
      <p class="error" role="alert">
        {data.message}
      </p>
      <p>{data.hint}</p>
      <p>
        <a href={data.viewer ? '/admin' : '/admin/sign-in'}>Back</a>
      </p>
    </AdminLayout>,
  );
}
