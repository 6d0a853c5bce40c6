import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Where the measurement corpus lives: NEWSDESK_CORPUS, or the shared folder beside the project. */
export function corpusRoot(): string {
  return resolve(process.env.NEWSDESK_CORPUS ?? '../shared/corpus');
}

/** Reads a gzipped corpus file, or explains what is missing and where it was looked for. */
export function readCorpusGzip(set: string, file: string): string | null {
  const path = join(corpusRoot(), set, file);
  if (!existsSync(path)) {
    console.error(`corpus file missing: ${path} (set NEWSDESK_CORPUS to the corpus folder); skipping ${set}`);
    return null;
  }
  return gunzipSync(readFileSync(path)).toString('utf8');
}

/** Parses JSON lines. */
export function jsonLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** A deterministic shuffle (mulberry32), so every run feeds the stream in the same order. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
