import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { binPath } from './cli.js';

/** A real `newsdesk serve` process on a free port, for end-to-end tests. */
export interface ServeProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServe(env: Record<string, string>, args: string[] = []): Promise<ServeProcess> {
  // A port the system just gave out can still be taken by another process before serve binds it: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServeOn(await freePort(), env, args);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

/** A port no one listens on now, chosen by the system (a random pick can fall on a busy ephemeral port). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServeOn(port: number, env: Record<string, string>, args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [binPath, 'serve', '--port', String(port), ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEWSDESK_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`newsdesk serve exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`newsdesk serve was not ready within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
