import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** Whether this run is CI (`.ci/run` sets CI=true): there a test that needs Redis never skips. */
export const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/**
 * Whether a Redis answers PING at `url`, asked once while the test file loads (so that jest can be
 * told `describe.skip` / `test.skip` before it collects the tests; a file cannot await at the top).
 * A child process with ioredis does the asking: at most ~2 s, usually a few ms.
 */
export function redisAnswers(url: string): boolean {
  const probe = `
    const { Redis } = require('ioredis');
    const r = new Redis(process.argv[1], { lazyConnect: true, connectTimeout: 1500, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => undefined);
    r.connect().then(() => r.ping()).then((p) => process.exit(p === 'PONG' ? 0 : 1), () => process.exit(1));`;
  const res = spawnSync(process.execPath, ['-e', probe, url], { cwd: path.join(__dirname, '..', '..'), timeout: 5_000, stdio: 'ignore' });
  return res.status === 0;
}

/**
 * `describe` or `test` when Redis answers at `url` or this is CI (where a missing Redis must fail
 * the test, not skip it); otherwise their `.skip`, with a warning that says why. Never a silent pass.
 */
export function whenRedis<T extends jest.Describe | jest.It>(fn: T, url: string, file: string): T {
  if (IN_CI || redisAnswers(url)) return fn;
  console.warn(
    `${path.basename(file)}: Redis test skipped, nothing answers PING at ${url} ` +
      '(start redis-server on 127.0.0.1:6379, or set REDIS_URL). CI never skips it.',
  );
  return fn.skip as T;
}
