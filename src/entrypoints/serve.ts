import type { App } from '../app/create-app.js';
import { loadSampleIfEmpty } from '../app/sample-feeds.js';
import { createServer } from './server/create-server.js';

export type Role = 'all' | 'web' | 'worker';

/**
 * Runs the chosen roles until SIGTERM or SIGINT, then drains: the server stops accepting
 * and finishes its requests, the worker finishes its running jobs, the database closes.
 */
export async function runServe(app: App, options: { role: Role; port: number }): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  if (options.role !== 'worker') {
    // A first run shows real news at once: the sample is read before the server answers.
    await loadSampleIfEmpty(app);
    const server = await createServer(app);
    const address = await server.listen({ host: app.config.host, port: options.port });
    app.logger.info({ event: 'server_listening', address, role: options.role });
    process.stderr.write(`Newsdesk is running at ${address.replace('127.0.0.1', 'localhost')}\n`);
    stops.push(() => server.close());
  }
  if (options.role !== 'web') {
    const worker = app.createWorker();
    const scheduler = app.createScheduler();
    worker.start();
    scheduler.start();
    app.logger.info({ event: 'worker_started', worker_id: worker.id, role: options.role });
    stops.push(async () => {
      await scheduler.stop();
      const result = await worker.stop();
      app.logger.info({ event: 'worker_stopped', worker_id: worker.id, drained: result.drained, unfinished: result.unfinished });
    });
  }
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      app.logger.info({ event: 'shutdown_started', signal });
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  // The server stops taking requests first, then the worker drains its running jobs.
  for (const stop of stops) await stop();
  app.logger.info({ event: 'shutdown_finished' });
}
