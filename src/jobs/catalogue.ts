import type { z } from 'zod';
import { NewsdeskError } from '../platform/errors.js';
import type { Logger } from '../platform/logger.js';

/** What a handler receives besides its payload. */
export interface JobContext {
  readonly jobId: number;
  readonly kind: string;
  /** 1 on the first run; counts every claim, including runs cut short by a dead worker. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** A child logger carrying `job_id` and `job_kind`. */
  readonly logger: Logger;
  /** Aborted when the worker lost the job's lease or gave up waiting for it while stopping. */
  readonly signal: AbortSignal;
}

/** A handler finishes normally, or says why it had nothing to do (still a success, logged as such). */
export type JobOutcome = void | { skipped: string };

export interface JobDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Stable name stored in the job table, e.g. `sources.refresh`. */
  readonly kind: string;
  readonly payload: Schema;
  /** Attempts before the job fails for good; the queue's default when absent. */
  readonly maxAttempts?: number;
  handle(payload: z.output<Schema>, context: JobContext): Promise<JobOutcome>;
}

/** Declares a job kind with its payload type inferred from the schema. */
export function defineJob<Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
): JobDefinition<Schema> {
  return Object.freeze(definition);
}

/** A job ready to run: its definition and its validated payload. */
export interface ResolvedJob {
  readonly definition: JobDefinition;
  run(context: JobContext): Promise<JobOutcome>;
}

/**
 * The registry of job kinds: name → payload schema → handler. The worker knows nothing of what
 * jobs do; the composition root registers the kinds.
 */
export class JobCatalogue {
  private readonly definitions = new Map<string, JobDefinition>();

  register<Schema extends z.ZodType>(definition: JobDefinition<Schema>): this {
    if (this.definitions.has(definition.kind))
      throw new Error(`Job kind ${definition.kind} is registered twice.`);
    this.definitions.set(definition.kind, definition as unknown as JobDefinition);
    return this;
  }

  kinds(): string[] {
    return [...this.definitions.keys()].sort();
  }

  get(kind: string): JobDefinition | undefined {
    return this.definitions.get(kind);
  }

  /**
   * Finds the handler for a stored job and validates its payload text.
   * Throws JOB_KIND_UNKNOWN or JOB_PAYLOAD_INVALID: failures no retry can mend.
   */
  resolve(kind: string, payloadText: string): ResolvedJob {
    const definition = this.definitions.get(kind);
    if (!definition)
      throw new NewsdeskError('JOB_KIND_UNKNOWN', `No handler is registered for job kind "${kind}".`);
    const payload = parsePayload(definition, payloadText);
    return { definition, run: (context) => definition.handle(payload, context) };
  }
}

/** Validates a payload before it is queued, so a mistake surfaces at the caller, not in the worker. */
export function validatePayload<Schema extends z.ZodType>(
  definition: JobDefinition<Schema>,
  payload: z.input<Schema>,
): z.output<Schema> {
  const result = definition.payload.safeParse(payload);
  if (!result.success) throw payloadError(definition.kind, result.error);
  return result.data;
}

function parsePayload(definition: JobDefinition, text: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new NewsdeskError('JOB_PAYLOAD_INVALID', `The ${definition.kind} payload is not JSON.`, { cause });
  }
  const result = definition.payload.safeParse(raw);
  if (!result.success) throw payloadError(definition.kind, result.error);
  return result.data;
}

function payloadError(kind: string, error: z.ZodError): NewsdeskError {
  const issues = error.issues
    .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
    .join('; ');
  return new NewsdeskError('JOB_PAYLOAD_INVALID', `Invalid ${kind} payload: ${issues}`, { cause: error });
}
