import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { gunzipSync } from 'node:zlib';
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
