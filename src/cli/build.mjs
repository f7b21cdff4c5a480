// `npm run build` (always) and the step before `npm start` and the production tools (only when the
// sources changed): compiles src/, seeds/ and migrations/ to dist/ with swc (.swcrc: decorators and
// their metadata, as type-graphql and MikroORM need; about a second).
//
// Plain JavaScript on purpose: it runs before anything is compiled, and with the production
// dependencies only (`npm ci --omit=dev`), where the compiler is absent. There it uses dist/ as it
// is, and says what to do when there is none.
//
// dist/ is replaced in one step (built beside it, then swapped), so a process starting from it never
// sees half a build, and a deleted source (a migration, say) never lingers in it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp');
const SOURCES = ['src', 'seeds', 'migrations'];
const force = process.argv.includes('--force');

/** What the build depends on: every source file's path, size and modification time, and the compiler settings. */
function stamp() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        const s = statSync(file);
        hash.update(`${path.relative(root, file)}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  for (const dir of SOURCES) walk(path.join(root, dir));
  hash.update(readFileSync(path.join(root, '.swcrc')));
  return hash.digest('hex');
}

function compiler() {
  try {
    return createRequire(import.meta.url).resolve('@swc/cli/bin/swc.js');
  } catch {
    return undefined;
  }
}

// A release (package files, this script and dist/) has no sources to build from, and a production
// install no compiler: either way dist/ is used as it is.
const swc = existsSync(path.join(root, 'src', 'main.ts')) ? compiler() : undefined;
if (!swc) {
  // A production install (`npm ci --omit=dev`): the build was made before, with the dev dependencies.
  if (existsSync(path.join(dist, 'src', 'main.js'))) process.exit(0);
  process.stderr.write(
    'Cannot start: dist/ has no build and the compiler is not installed (npm ci --omit=dev). ' +
      'Build first with the dev dependencies (npm ci && npm run build), then install for production (npm ci --omit=dev).\n',
  );
  process.exit(1);
}

const current = stamp();
if (!force && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === current) process.exit(0);

const started = Date.now();
const next = `${dist}.${process.pid}.next`;
const old = `${dist}.${process.pid}.old`;
rmSync(next, { recursive: true, force: true });
const run = spawnSync(
  process.execPath,
  [swc, ...SOURCES, '-d', next, '--config-file', '.swcrc', '--ignore', '**/*.spec.ts', '--extensions', '.ts', '--quiet'],
  { cwd: root, stdio: 'inherit' },
);
if (run.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  process.stderr.write('Build failed (see above).\n');
  process.exit(1);
}
writeFileSync(path.join(next, '.build-stamp'), current);
if (existsSync(dist)) renameSync(dist, old);
renameSync(next, dist);
rmSync(old, { recursive: true, force: true });
process.stdout.write(`built dist/ in ${Date.now() - started} ms\n`);
