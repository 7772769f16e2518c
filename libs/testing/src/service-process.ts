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
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...env, PORT: String(port), KAFKAJS_NO_PARTITIONER_WARNING: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null)
      throw new Error(`${name} exited with ${exited} during start-up; see ${logDir}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not healthy within ${timeoutMs} ms; see ${logDir}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
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
