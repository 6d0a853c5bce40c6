import type { ArticleListing } from '../../domain/article.js';
import { Layout } from './layout.js';
import { renderPage } from './render.js';

/** The home page: the newest articles from every source, each linking to the original. */
export function renderHomePage(data: { siteTitle: string; articles: ArticleListing[]; now: number }): string {
  return renderPage(
    <Layout siteTitle={data.siteTitle}>
      <h1>Latest news</h1>
      {data.articles.length === 0 ? (
        <p class="empty">No articles yet. Add a source with <code>newsdesk source add URL</code>, then run <code>newsdesk refresh</code>.</p>
      ) : (
        <ol class="articles">
          {data.articles.map((a) => (
            <ArticleItem article={a} now={data.now} />
          ))}
        </ol>
      )}
    </Layout>,
  );
}

function ArticleItem({ article, now }: { article: ArticleListing; now: number }) {
  const source = article.sourceTitle ?? hostOf(article.sourceUrl);
  return (
    <li class="article">
      <h2 dir="auto">
        {article.url && /^https?:\/\//i.test(article.url) ? (
          <a href={article.url} rel="noopener nofollow ugc" referrerpolicy="no-referrer">
            {article.title}
          </a>
        ) : (
          article.title
        )}
      </h2>
      <p class="meta">
        <span class="source" dir="auto">
          {source}
        </span>
        {article.sourceIsSample ? <span class="badge" title="From the bundled sample feeds">sample</span> : null}
        {' · '}
        <time datetime={new Date(article.publishedAt).toISOString()}>{relativeTime(article.publishedAt, now)}</time>
        {' · '}
        <a href={`/articles/${article.id}`}>page</a>
        {' · '}
        {/* Resolved when followed, so the list needs no story lookup per article. */}
        <a href={`/articles/${article.id}/story`}>story</a>
      </p>
    </li>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** "5 minutes ago" for recent items, the date for older ones. */
export function relativeTime(time: number, now: number): string {
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(time).toISOString().slice(0, 10);
}
