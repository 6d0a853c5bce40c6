import { CATEGORY_SEPARATOR, type OpmlFeed } from './opml.js';

/**
 * Writes feeds as an OPML 2.0 subscription list, each category path as nested folder
 * outlines, so `parseOpml` (and other feed readers) read the same feeds and folders back.
 */
export function writeOpml(feeds: OpmlFeed[], head: { title: string; dateCreated: Date }): string {
  interface Folder {
    folders: Map<string, Folder>;
    feeds: OpmlFeed[];
  }
  const top: Folder = { folders: new Map(), feeds: [] };
  for (const feed of feeds) {
    let folder = top;
    for (const name of feed.category
      ?.split(CATEGORY_SEPARATOR)
      .map((n) => n.trim())
      .filter(Boolean) ?? []) {
      let next = folder.folders.get(name);
      if (!next) folder.folders.set(name, (next = { folders: new Map(), feeds: [] }));
      folder = next;
    }
    folder.feeds.push(feed);
  }
  const lines: string[] = [];
  const write = (folder: Folder, depth: number) => {
    const indent = '  '.repeat(depth);
    for (const feed of folder.feeds) {
      const name = attribute(feed.title ?? feed.url);
      const site = feed.siteUrl ? ` htmlUrl="${attribute(feed.siteUrl)}"` : '';
      lines.push(
        `${indent}<outline type="rss" text="${name}" title="${name}" xmlUrl="${attribute(feed.url)}"${site}/>`,
      );
    }
    for (const [name, inner] of folder.folders) {
      lines.push(`${indent}<outline text="${attribute(name)}" title="${attribute(name)}">`);
      write(inner, depth + 1);
      lines.push(`${indent}</outline>`);
    }
  };
  write(top, 2);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    '  <head>',
    `    <title>${attribute(head.title)}</title>`,
    `    <dateCreated>${head.dateCreated.toUTCString()}</dateCreated>`,
    '  </head>',
    '  <body>',
    ...lines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}

/** Text escaped for a double-quoted XML attribute; characters XML 1.0 forbids are dropped. */
function attribute(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
      .replace(/\t/g, '&#9;')
  );
}
