import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAMPLE_PREFIX } from '../pipeline/fetch/read-source.js';
import type { App } from './create-app.js';

/** The bundled sample feeds, shipped with their licenses in `sample/feeds/`. */
export const sampleFeedsDir = fileURLToPath(new URL('../../sample/feeds/', import.meta.url));

const FEED_FILE = /\.(rss|atom|xml)$/;

/**
 * On a database without sources, adds the sample feeds (marked as sample) and reads them
 * at once, so a first run shows real news with no network. Returns the number of articles
 * stored, or null when there was nothing to do.
 */
export async function loadSampleIfEmpty(app: App): Promise<number | null> {
  if (!app.config.loadSample || (await app.sources.count()) > 0) return null;
  let stored = 0;
  for (const file of readdirSync(sampleFeedsDir).filter((f) => FEED_FILE.test(f)).sort()) {
    const source = await app.sources.add({ url: `${SAMPLE_PREFIX}${file}`, isSample: true }, app.clock.now());
    const outcome = await app.refreshSource(source.id);
    if (outcome.status === 'updated') stored += outcome.newArticleIds.length;
  }
  app.logger.info({ event: 'sample_loaded', articles: stored });
  return stored;
}
