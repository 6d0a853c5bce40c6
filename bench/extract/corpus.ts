import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The shared corpus folder, from NEWSDESK_CORPUS or beside the project; exits with a clear message when missing. */
export function corpusDir(set: string): string {
  const root = resolve(process.env.NEWSDESK_CORPUS ?? '../shared/corpus');
  const dir = join(root, set);
  if (!existsSync(dir)) {
    console.error(`The corpus set ${set} is not at ${dir}. Set NEWSDESK_CORPUS to the folder holding the corpus sets.`);
    process.exit(2);
  }
  return dir;
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Compressed bytes, kept in memory so that timing covers decompression but not the disk. */
export function readCompressed(path: string): Buffer | null {
  return existsSync(path) ? readFileSync(path) : null;
}

export function gunzip(bytes: Buffer): Buffer {
  return gunzipSync(bytes);
}
