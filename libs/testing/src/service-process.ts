import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './infra';

export interface ServiceProcess {
  name: string;
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Start a built service (`npm run build` first) as a real process, wait until
 * its /health answers 200, and keep its JSON log under .data/test-logs.
 */
export async function startService(
  name: string,
  port: number,
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServiceProcess> {
  const main = resolve(REPO_ROOT, `dist/services/${name}/src/main.js`);
  const logDir = resolve(REPO_ROOT, '.data/test-logs');
  mkdirSync(logDir, { recursive: true });
  // Appended: a service the chaos suite kills and starts again keeps its earlier log.
  const log = createWriteStream(resolve(logDir, `${name}-${port}.log`), { flags: 'a' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, ...env, PORT: String(port), KAFKAJS_NO_PARTITIONER_WARNING: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let portTaken = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.includes('EADDRINUSE')) portTaken = true;
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    let exited: number | null = null;
    child.on('exit', (code) => (exited = code ?? -1));
    const up = await healthy(child, url, deadline, () => exited);
    if (up === 'healthy') {
      return {
        name,
        url,
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (exited !== null) return done();
            const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => (clearTimeout(t), done()));
            child.kill('SIGTERM');
          }),
      };
    }
    // Test ports lie in the kernel's ephemeral range (32768-60999): an outgoing
    // connection of any process may hold one for a moment. Try again; anything
    // else is a real failure.
    if (up === 'exited' && portTaken && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    if (up === 'exited') {
      throw new Error(`${name} exited with ${exited} during start-up; see ${logDir}`);
    }
    throw new Error(`${name} not healthy within ${timeoutMs} ms; see ${logDir}`);
  }
}

async function healthy(
  child: ChildProcess,
  url: string,
  deadline: number,
  exited: () => number | null,
): Promise<'healthy' | 'exited' | 'timeout'> {
  for (;;) {
    if (exited() !== null) return 'exited';
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) return 'healthy';
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      return 'timeout';
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
