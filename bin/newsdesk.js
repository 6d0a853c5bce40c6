#!/usr/bin/env node
// The `newsdesk` command. It runs the compiled build (`npm run build`, done by `npm ci`) when
// that build is newer than every source file, and otherwise the TypeScript sources through
// tsx, so an edited checkout never runs stale code. The build halves start-up time.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = `${root}dist/.build-stamp`;

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  try {
    return statSync(stamp).mtimeMs >= newestSourceTime(`${root}src`);
  } catch {
    return false;
  }
}

if (buildIsCurrent()) {
  await import('../dist/entrypoints/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/entrypoints/cli/main.ts');
}
