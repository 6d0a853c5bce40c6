import type { StoryView, StoryViewArticle } from '../../pipeline/ingest/story-view.js';
import { Layout } from './layout.js';
import { renderPage } from './render.js';
import { StoryEntitiesSection } from './story-entities.js';

const time = (t: number) => new Date(t).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * A story: every article with source and time, the original and its copies, who and what they
 * name, and the facts they state.
 */
export function renderStoryPage(data: { siteTitle: string; story: StoryView }): string {
  const { story } = data;
  return renderPage(
    <Layout siteTitle={data.siteTitle} title={story.title}>
      <h1 dir="auto">{story.title}</h1>
      <p class="meta">
        {story.articleCount} {story.articleCount === 1 ? 'article' : 'articles'} ·{' '}
        {time(story.firstPublishedAt)} to {time(story.lastPublishedAt)}
      </p>
      <ol class="articles story">
        {story.articles.map((a) => (
          <StoryArticle article={a} />
        ))}
      </ol>
      <StoryEntitiesSection entities={story.entities} />
      {story.otherLanguages.length ? (
        <section class="other-languages">
          <h2>The same event in other languages</h2>
          <ul>
            {story.otherLanguages.map((l) => (
              <li>
                <a href={`/stories/${l.id}`} lang={l.lang === 'other' ? undefined : l.lang} dir="auto">
                  {l.title}
                </a>{' '}
                <span class="shared">(both name {l.shared.join(', ')})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {story.quantities.length || story.claims.length ? (
        <section class="facts">
          <h2>Facts in this story</h2>
          {story.quantities.length ? (
            <ul class="quantities">
              {story.quantities.map((q) => (
                <li dir="auto">
                  {q.phrase} <span class="count">({countOf(q.articles)})</span>
                </li>
              ))}
            </ul>
          ) : null}
          {story.claims.length ? (
            <ul class="claims">
              {story.claims.map((c) => (
                <li dir="auto">
                  <strong>{c.who}</strong> {c.verb}
                  {c.about ? ` ${c.about}` : ''}: {c.what} <span class="count">({countOf(c.articles)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </Layout>,
  );
}

const countOf = (n: number) => `${n} ${n === 1 ? 'article' : 'articles'}`;

function StoryArticle({ article }: { article: StoryViewArticle }) {
  return (
    <li class={`article ${article.role}`} id={`article-${article.id}`}>
      <h2 dir="auto">
        <a href={`/articles/${article.id}`}>{article.title}</a>
      </h2>
      <p class="meta">
        <span class="source" dir="auto">
          {article.sourceName}
        </span>
        {' · '}
        <time datetime={new Date(article.publishedAt).toISOString()}>{time(article.publishedAt)}</time>
        {article.role === 'original' ? <span class="badge original">original</span> : null}
        {article.role === 'copy' ? (
          <span class="badge copy">
            copy of <a href={`#article-${article.originalId}`}>the original</a>
            {article.changedShare === null ? '' : `, ${percent(article.changedShare)} changed`}
          </span>
        ) : null}
      </p>
      {article.reasons.length ? (
        <ul class="reasons">
          {article.reasons.map((r) => (
            <li dir="auto">{r}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
