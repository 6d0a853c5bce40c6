// Runs the benchmarks: all of them, or those named on the command line (`npm run bench -- server jobs`).
// Words after a benchmark's name that name no benchmark are its own arguments
// (`npm run bench:extract -- trafilatura --limit 100`, `npm run bench:stories -- quality`).
// Each is its own process, so one's memory and warm caches do not colour the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const runs: { name: string; args: string[] }[] = [];
for (const word of process.argv.slice(2)) {
  if (available.includes(word)) runs.push({ name: word, args: [] });
  else if (runs.length) runs[runs.length - 1]!.args.push(word);
  else {
    console.error(`Unknown benchmark ${word}; available: ${available.join(', ')}.`);
    process.exit(2);
  }
}
let failed = 0;
for (const { name, args } of runs.length ? runs : available.map((name) => ({ name, args: [] }))) {
  console.log(`\n## ${name}${args.length ? ` ${args.join(' ')}` : ''}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', `${dir}${name}.bench.ts`, ...args], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
