import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
import { createFetching } from '../../pipeline/fetch/create-fetching.js';
import type { Config } from '../../platform/config/config.js';
import { NewsdeskError } from '../../platform/errors.js';

/** Standard output as a dependency, so commands can be tested without a process. */
export interface Output {
  line(text: string): void;
  json(value: unknown): void;
}

export const stdoutOutput: Output = {
  line: (text) => process.stdout.write(text + '\n'),
  json: (value) => process.stdout.write(JSON.stringify(value) + '\n'),
};

/** Reads a local file given on the command line; a `.gz` file is decompressed. */
export async function readInputFile(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw new NewsdeskError(
      'FILE_NOT_FOUND',
      code === 'ENOENT' ? `There is no file ${path}.` : `Cannot read ${path}: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (!path.endsWith('.gz')) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (cause) {
    throw new NewsdeskError('INPUT_INVALID', `${path} ends in .gz but is not valid gzip.`, { cause });
  }
}

/** One parsed line of a JSONL manifest, or why it could not be parsed. */
export type ManifestLine = { lineNumber: number; value: Record<string, unknown> } | { lineNumber: number; error: string };

/**
 * Reads a JSON-lines file as a stream, skipping blank lines. A line that is not a JSON
 * object is reported as such, so one bad line does not stop the batch.
 */
export async function* readJsonLines(path: string): AsyncGenerator<ManifestLine> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (cause) {
    throw new NewsdeskError('FILE_NOT_FOUND', `Cannot read the manifest ${path}: ${(cause as Error).message}`, { cause });
  }
  let lineNumber = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { lineNumber, error: `line ${lineNumber} is not a JSON object` };
      } else {
        yield { lineNumber, value: value as Record<string, unknown> };
      }
    } catch {
      yield { lineNumber, error: `line ${lineNumber} is not valid JSON` };
    }
  }
}

/**
 * Runs a `--batch` manifest: every line gets exactly one JSON line of output, in input
 * order, either the handler's result or `{id, error: {code, message}}`.
 */
export async function runBatch(
  manifestPath: string,
  output: Output,
  handle: (row: Record<string, unknown>) => Promise<Record<string, unknown>>,
): Promise<void> {
  for await (const line of readJsonLines(manifestPath)) {
    if ('error' in line) {
      output.json({ id: null, error: { code: 'INPUT_INVALID', message: line.error } });
      continue;
    }
    const id = line.value.id ?? null;
    try {
      output.json({ id, ...(await handle(line.value)) });
    } catch (error) {
      const e = error instanceof NewsdeskError ? error : new NewsdeskError('INTERNAL', (error as Error).message, { cause: error });
      output.json({ id, error: { code: e.code, message: e.message } });
    }
  }
}

/** The `file` field of a manifest row, checked. */
export function manifestFile(row: Record<string, unknown>): string {
  if (typeof row.file !== 'string' || row.file === '') {
    throw new NewsdeskError('INPUT_INVALID', 'The manifest line has no "file" string.');
  }
  return row.file;
}

/** A document named on the command line, read: its bytes, its address and its declared type. */
export interface CommandInput {
  body: Buffer;
  url: string | undefined;
  contentType: string | undefined;
}

/**
 * Reads a FILE|URL argument: a local file (a `.gz` one decompressed), or an http(s) address
 * fetched with the configured limits, politeness and private-network guard. `baseUrl`
 * (`--url`) overrides the address used for relative links.
 */
export async function readFileOrUrl(source: string, config: Config, options: { baseUrl?: string | undefined; accept?: string }): Promise<CommandInput> {
  if (!/^https?:\/\//i.test(source)) return { body: await readInputFile(source), url: options.baseUrl, contentType: undefined };
  const fetched = await createFetching(config).fetch(source, options.accept ? { accept: options.accept } : {});
  return { body: fetched.body, url: options.baseUrl ?? fetched.finalUrl, contentType: fetched.contentType ?? undefined };
}

/**
 * The shape shared by `parse-feed` and `extract`: one FILE|URL printed as pretty JSON, or
 * `--batch MANIFEST.jsonl` answered line by line — exactly one of the two.
 */
export async function runFileOrBatch(
  source: string | undefined,
  flags: { batch?: string | undefined; url?: string | undefined },
  io: { output: Output; config(): Config },
  command: {
    what: string;
    accept?: string;
    handle(input: CommandInput): Promise<unknown>;
    /** How one result appears on a batch line, beside its id. */
    batchLine(result: unknown): Record<string, unknown>;
  },
): Promise<void> {
  if (flags.batch !== undefined && source !== undefined) {
    throw new NewsdeskError('USAGE', 'Give either a FILE|URL or --batch MANIFEST.jsonl, not both.');
  }
  if (flags.batch !== undefined) {
    await runBatch(flags.batch, io.output, async (row) => {
      const url = typeof row.url === 'string' && row.url !== '' ? row.url : undefined;
      return command.batchLine(await command.handle({ body: await readInputFile(manifestFile(row)), url, contentType: undefined }));
    });
    return;
  }
  if (source === undefined) throw new NewsdeskError('USAGE', `Give ${command.what} FILE or URL, or --batch MANIFEST.jsonl.`);
  const input = await readFileOrUrl(source, io.config(), { baseUrl: flags.url, ...(command.accept ? { accept: command.accept } : {}) });
  io.output.line(JSON.stringify(await command.handle(input), null, 2));
}
