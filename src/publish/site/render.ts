import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page to an HTML document. Preact escapes every text and attribute value. */
export function renderPage(page: VNode): string {
  return '<!doctype html>' + renderToString(page);
}
