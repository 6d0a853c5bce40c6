import type { SourceHealth } from '../../domain/source.js';
import { healthOf } from '../../domain/source-health.js';
import { renderPage } from '../site/render.js';
import { AdminLayout, CsrfField, type AdminViewer } from './admin-layout.js';

/** The admin home: every source with its health (given worst first), and the forms that change them. */
export function renderSourcesPage(data: { siteTitle: string; viewer: AdminViewer; sources: SourceHealth[]; now: number; notice?: string | undefined }): string {
  const token = data.viewer.csrfToken;
  const hasSamples = data.sources.some((s) => s.isSample);
  return renderPage(
    <AdminLayout siteTitle={data.siteTitle} title="Sources" viewer={data.viewer}>
      <h1>Sources</h1>
      {data.notice ? <p role="status">{data.notice}</p> : null}
      <form method="post" action="/admin/sources">
        <CsrfField token={token} />
        <label for="url">Add a feed (http or https address)</label>
        <p>
          <input id="url" name="url" type="url" required placeholder="https://example.org/feed.xml" />{' '}
          <button type="submit">Add source</button>
        </p>
      </form>
      {hasSamples ? (
        <form method="post" action="/admin/sources/remove-samples">
          <CsrfField token={token} />
          <p>
            The bundled sample sources are still here. <button type="submit">Remove the sample sources</button>
          </p>
        </form>
      ) : null}
      {data.sources.length === 0 ? (
        <p class="empty">No sources yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Source</th>
              <th>Last success</th>
              <th>Last error</th>
              <th>Errors</th>
              <th>Items/day</th>
              <th>Mean latency</th>
              <th>Next check</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.sources.map((source) => (
              <SourceRow source={source} now={data.now} token={token} />
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>,
  );
}

function SourceRow({ source, now, token }: { source: SourceHealth; now: number; token: string }) {
  return (
    <tr class={`source-${healthOf(source)}`} data-source-id={source.id}>
      <td dir="auto">
        <strong>{source.title ?? 'Untitled'}</strong>
        {source.isSample ? <span class="badge">sample</span> : null}
        <br />
        <span class="meta">{source.url}</span>
      </td>
      <td>{when(source.lastSuccessAt, now)}</td>
      <td>
        {source.lastErrorCode ? (
          <>
            <code>{source.lastErrorCode}</code> <span class="meta">{source.lastErrorMessage}</span>
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{source.errorCount}</td>
      <td>{source.itemsPerDay}</td>
      <td>{source.meanLatencyMs === null ? '—' : `${source.meanLatencyMs} ms`}</td>
      <td>
        {source.pausedAt !== null ? (
          <>
            <strong>paused</strong> <span class="meta">{source.pauseReason}</span>
          </>
        ) : (
          when(source.nextCheckAt, now)
        )}
      </td>
      <td>
        <form method="post" action={`/admin/sources/${source.id}/${source.pausedAt === null ? 'pause' : 'resume'}`} class="inline">
          <CsrfField token={token} />
          <button type="submit">{source.pausedAt === null ? 'Pause' : 'Resume'}</button>
        </form>{' '}
        <form method="post" action={`/admin/sources/${source.id}/refresh`} class="inline">
          <CsrfField token={token} />
          <button type="submit">Refresh now</button>
        </form>{' '}
        <form method="post" action={`/admin/sources/${source.id}/remove`} class="inline">
          <CsrfField token={token} />
          <button type="submit">Remove</button>
        </form>
      </td>
    </tr>
  );
}

/** A time as people read it in a status table: "12 min ago", "in 3 h", or the date. */
export function when(time: number | null, now: number): string {
  if (time === null) return '—';
  const minutes = Math.round(Math.abs(now - time) / 60_000);
  const span = minutes < 1 ? null : minutes < 60 ? `${minutes} min` : minutes < 2880 ? `${Math.round(minutes / 60)} h` : undefined;
  if (span === undefined) return new Date(time).toISOString().slice(0, 10);
  if (span === null) return 'now';
  return time <= now ? `${span} ago` : `in ${span}`;
}
