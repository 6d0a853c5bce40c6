import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { App } from '../../../app/create-app.js';
import type { Article } from '../../../domain/article.js';
import { NewsdeskError } from '../../../platform/errors.js';
import { articlePlainText } from '../../../pipeline/ingest/story-input.js';
import { describeStory } from '../../../pipeline/ingest/story-view.js';
import { renderArticlePage, renderNotFoundPage } from '../../../publish/site/article-page.js';
import { renderStoryPage } from '../../../publish/site/story-page.js';

const ID = /^[1-9]\d{0,14}$/;

/** Public story and article pages; an id that names nothing gets a 404 page. */
export const storyRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  const siteTitle = app.config.siteTitle;
  const html = (reply: FastifyReply, body: string, status = 200) =>
    reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('cache-control', status === 200 ? 'public, max-age=30' : 'no-store')
      .send(body);
  const notFound = (reply: FastifyReply, what: string) =>
    html(reply, renderNotFoundPage({ siteTitle, what }), 404);

  server.get<{ Params: { id: string } }>('/stories/:id', async (request, reply) => {
    const stored = ID.test(request.params.id)
      ? await app.stories.story(Number(request.params.id))
      : undefined;
    if (!stored) return notFound(reply, 'story');
    const linked = await app.stories.linkedStories(stored.id);
    return html(reply, renderStoryPage({ siteTitle, story: describeStory(stored, linked) }));
  });

  server.get<{ Params: { id: string } }>('/articles/:id', async (request, reply) => {
    const article = ID.test(request.params.id)
      ? await findArticle(app, Number(request.params.id))
      : undefined;
    if (!article) return notFound(reply, 'article');
    const [source, placed, extraction] = await Promise.all([
      app.sources.get(article.sourceId),
      app.stories.storyOf(article.id),
      app.extractions.get(article.id),
    ]);
    // The clean text extracted from the page when there is one, else the feed's own text.
    const extracted = extraction?.status === 'extracted' && extraction.text ? extraction : null;
    return html(
      reply,
      renderArticlePage({
        siteTitle,
        article: {
          id: article.id,
          title: article.title,
          url: article.url,
          sourceName: source.title ?? hostOf(source.siteUrl ?? source.url),
          publishedAt: article.publishedAt,
          text: extracted ? extracted.text : articlePlainText(article),
          byline: extracted?.byline ?? article.author,
          storyId: placed?.storyId ?? null,
          originalId: placed?.originalId ?? null,
        },
      }),
    );
  });

  // Lists link here so they need not look up each article's story: one lookup when followed.
  server.get<{ Params: { id: string } }>('/articles/:id/story', async (request, reply) => {
    const placed = ID.test(request.params.id)
      ? await app.stories.storyOf(Number(request.params.id))
      : undefined;
    if (!placed) return notFound(reply, 'story for this article yet');
    return reply.redirect(`/stories/${placed.storyId}`, 302);
  });
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

async function findArticle(app: App, id: number): Promise<Article | undefined> {
  try {
    return await app.articles.get(id);
  } catch (error) {
    if (error instanceof NewsdeskError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}
