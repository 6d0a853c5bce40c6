import { NewsdeskError } from '../../platform/errors.js';
import type { PageMetadata } from '../../domain/extraction.js';

/**
 * `EXTRACT_EMPTY` with what the page's metadata said: a page that is only a paywall or a cookie
 * wall still names its title, date and image, and the article keeps them beside the feed's text.
 */
export class ArticleTextRefused extends NewsdeskError {
  constructor(
    message: string,
    readonly page: PageMetadata,
  ) {
    super('EXTRACT_EMPTY', message);
  }
}
