import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** A TCP port nothing listens on right now (on 127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Resolves with the first match of `pattern` in what `child` prints (stdout or stderr); rejects after `ms` or when it exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; output:\n${out}`)), ms);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ${pattern}; output:\n${out}`));
    });
  });
}

/** The exit code of `child` once it has exited. */
export function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * The API as `npm start` runs it (dist/, built by the global setup), with `env` over this
 * process's environment less what jest sets (NODE_OPTIONS, NODE_ENV, JEST_WORKER_ID); PORT 0 on
 * 127.0.0.1 and warnings only unless `env` says otherwise. Resolves once it says it is ready, with
 * its GraphQL URL and everything it has printed so far and from then on.
 */
export async function startBuiltApi(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output(): string }> {
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env };
  for (const k of ['NODE_OPTIONS', 'NODE_ENV', 'JEST_WORKER_ID']) delete full[k];
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: path.join(__dirname, '../..'), env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const collect = (b: Buffer) => {
    out += b.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const [, url] = await waitForOutput(child, /ready: (http:\/\/localhost:\d+\/graphql)/, 60_000);
  return { child, url: url.replace('localhost', '127.0.0.1'), output: () => out };
}
