import 'reflect-metadata';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../composition';

/**
 * `npm run schema:emit` writes schema/schema.graphql from the code; `npm run schema:check` fails
 * when the committed file differs (CI runs it, so the published SDL never goes stale).
 */
const file = path.resolve(__dirname, '../../schema/schema.graphql');

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
