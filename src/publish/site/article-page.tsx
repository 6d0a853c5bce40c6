import { Layout } from './layout.js';
import { renderPage } from './render.js';

/** What the article page shows. `text` is plain text: it is escaped like every other value. */
export interface ArticlePageData {
  id: number;
  title: string;
  url: string | null;
  sourceName: string;
  publishedAt: number;
  text: string;
  byline: string | null;
  /** Its story, and the original of its copy group when it is a copy of another article. */
  storyId: number | null;
  originalId: number | null;
}

/** One stored article: title, source, time, a link to the publisher's page, its text and its story. */
export function renderArticlePage(data: { siteTitle: string; article: ArticlePageData }): string {
  const { article } = data;
  const paragraphs = article.text.split('\n').filter((line) => line.trim() !== '');
  return renderPage(
    <Layout siteTitle={data.siteTitle} title={article.title}>
      <article class="article-page">
        <h1 dir="auto">{article.title}</h1>
        <p class="meta">
          <span class="source" dir="auto">
            {article.sourceName}
          </span>
          {article.byline ? (
            <>
              {' · '}
              <span class="byline" dir="auto">
                {article.byline}
              </span>
            </>
          ) : null}
          {' · '}
          <time datetime={new Date(article.publishedAt).toISOString()}>
            {new Date(article.publishedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC
          </time>
          {article.url && /^https?:\/\//i.test(article.url) ? (
            <>
              {' · '}
              <a href={article.url} rel="noopener nofollow ugc" referrerpolicy="no-referrer">
                Read at the source
              </a>
            </>
          ) : null}
        </p>
        <nav class="story-links">
          {article.storyId === null ? (
            <span>Not placed in a story yet.</span>
          ) : (
            <a href={`/stories/${article.storyId}`}>The whole story</a>
          )}
          {article.originalId !== null && article.originalId !== article.id ? (
            <>
              {' · '}
              <a href={`/articles/${article.originalId}`}>The original this copies</a>
            </>
          ) : null}
        </nav>
        <div class="text">
          {paragraphs.map((p) => (
            <p dir="auto">{p}</p>
          ))}
        </div>
      </article>
    </Layout>,
  );
}

/** The page for an address that names no article or story. */
export function renderNotFoundPage(data: { siteTitle: string; what: string }): string {
  return renderPage(
    <Layout siteTitle={data.siteTitle} title="Not found">
      <h1>Not found</h1>
      <p>There is no {data.what} here.</p>
      <p>
        <a href="/">Back to the latest news</a>
      </p>
    </Layout>,
  );
}
