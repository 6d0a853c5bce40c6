import type { z } from 'zod';
import type { Clock } from '../platform/clock.js';
import type { EnqueueResult, JobRepository } from '../store/repositories/jobs.js';
import { validatePayload, type JobDefinition } from './catalogue.js';

export interface EnqueueOptions {
  /** Earliest start, epoch milliseconds. */
  runAt?: number;
  /** Earliest start as a delay from now; ignored when `runAt` is given. */
  delayMs?: number;
  /** While a job with this key is queued or running, queueing another is a no-op. */
  uniqueKey?: string;
  /** `ever`: the key is never queued twice, even after its job finished. */
  uniqueScope?: 'pending' | 'ever';
  maxAttempts?: number;
}

/**
 * The typed way in: validates the payload against the job kind's schema, writes the job,
 * and tells in-process listeners (the worker's `notify`) so it starts without waiting for a poll.
 */
export class JobQueue {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly jobs: JobRepository,
    private readonly clock: Clock,
  ) {}

  async enqueue<Schema extends z.ZodType>(
    definition: JobDefinition<Schema>,
    payload: z.input<Schema>,
    options: EnqueueOptions = {},
  ): Promise<EnqueueResult> {
    validatePayload(definition, payload);
    const now = this.clock.now();
    const result = await this.jobs.enqueue(
      {
        kind: definition.kind,
        // The input is stored, not the parsed output: the worker parses it again with the same schema.
        payload,
        runAt: options.runAt ?? now + (options.delayMs ?? 0),
        maxAttempts: options.maxAttempts ?? definition.maxAttempts,
        uniqueKey: options.uniqueKey ?? null,
        uniqueScope: options.uniqueScope ?? 'pending',
      },
      now,
    );
    if (result.created) this.announce();
    return result;
  }

  /** Queues many jobs of one kind in a few statements; returns how many were queued (taken keys are left out). */
  async enqueueMany<Schema extends z.ZodType>(
    definition: JobDefinition<Schema>,
    items: ReadonlyArray<{ payload: z.input<Schema>; uniqueKey?: string; runAt?: number }>,
  ): Promise<number> {
    for (const item of items) validatePayload(definition, item.payload);
    const now = this.clock.now();
    const created = await this.jobs.enqueueMany(
      items.map((item) => ({
        kind: definition.kind,
        payload: item.payload,
        runAt: item.runAt ?? now,
        maxAttempts: definition.maxAttempts,
        uniqueKey: item.uniqueKey ?? null,
      })),
      now,
    );
    if (created > 0) this.announce();
    return created;
  }

  /** Calls `listener` after each enqueue that wrote a job; returns the function that unsubscribes. */
  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private announce(): void {
    for (const listener of this.listeners) listener();
  }
}
