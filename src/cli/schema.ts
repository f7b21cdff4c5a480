import 'reflect-metadata';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../composition';
import { breakingChanges } from '../graphql/breaking';

/**
 * `npm run schema:emit` writes schema/schema.graphql from the code; `npm run schema:check` fails
 * when the committed file differs (CI runs it, so the published SDL never goes stale), and when the
 * schema breaks a client of the last release (schema/released.graphql): a removed field, type,
 * argument or enum value, a changed type, a new required argument. `npm run schema:release` makes
 * the current schema the released one: deliberately, at a release, after the deprecation period
 * (README, "Schema stability").
 */
const file = path.resolve(__dirname, '../../schema/schema.graphql');
const releasedFile = path.resolve(__dirname, '../../schema/released.graphql');

async function main(): Promise<void> {
  const sdl = await schemaSdl();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (committed !== sdl) {
      process.stderr.write('schema/schema.graphql is stale: run `npm run schema:emit` and commit the result\n');
      process.exit(1);
    }
    process.stdout.write('schema/schema.graphql is up to date\n');
    const breaking = await breakingChanges(readFileSync(releasedFile, 'utf8'), sdl);
    if (breaking.length) {
      process.stderr.write(
        `The schema breaks clients of the released one (schema/released.graphql):\n${breaking.map((b) => `  - ${b.message}`).join('\n')}\n` +
          'Deprecate instead (@deprecated with a reason and a date), or, at a release after the deprecation period, run `npm run schema:release` and say so in CHANGELOG.md\n',
      );
      process.exit(1);
    }
    process.stdout.write('no breaking change against schema/released.graphql\n');
    return;
  }
  if (process.argv.includes('--release')) {
    writeFileSync(releasedFile, sdl);
    process.stdout.write(`wrote ${path.relative(process.cwd(), releasedFile)}: clients are now checked against this schema\n`);
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, sdl);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
