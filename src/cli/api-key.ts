import 'reflect-metadata';
import pg from 'pg';
import { creditCodeError } from '../modules/enterprise/credit-code';
import { generateApiKey } from '../modules/auth/api-key.service';
import { TIERS, type Tier } from '../graphql/limits/tiers';
import { toolDatabaseUrl } from '../config';

/**
 * npm run apikey:create -- --enterprise <credit code> [--label "frontend"] [--tier STANDARD|PARTNER|INTERNAL]
 * npm run apikey:create -- --authority <customs district code> [--label "review desk"] [--tier …]
 *   (an authority key acts for a customs office: it reviews the warehouse filings filed with it, docs/filing.md)
 * npm run apikey:revoke -- --prefix <prefix>
 * Uses DATABASE_URL (default: the local cbec database). The key is printed once; only its hash is kept.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const command = process.argv[2];
  const client = new pg.Client({ connectionString: toolDatabaseUrl() });
  await client.connect();
  try {
    if (command === 'create') {
      // The key's holder: a customs office (an authority key) or an enterprise, checked before anything is written.
      let holder: { column: 'office_code' | 'enterprise_id'; value: string | number; what: string };
      if (arg('authority') !== undefined) {
        const office = (arg('authority') ?? '').trim();
        if (!/^\d{4}$/.test(office)) throw new Error('--authority must be a customs district code (关区代码: four digits, e.g. 8000)');
        const { rows } = await client.query<{ name_zh: string }>('select name_zh from customs_office where code = $1', [office]);
        if (!rows[0]) throw new Error(`No customs office with district code ${office} (the customs_office reference table lists them)`);
        holder = { column: 'office_code', value: office, what: `Authority key for ${rows[0].name_zh} (${office})` };
      } else {
        const code = (arg('enterprise') ?? '').toUpperCase();
        const problem = creditCodeError(code);
        if (problem) throw new Error(`--enterprise must be a unified social credit code: ${problem}`);
        const { rows } = await client.query<{ id: number; name_zh: string }>('select id, name_zh from enterprise where credit_code = $1', [code]);
        if (!rows[0]) throw new Error(`No enterprise with credit code ${code}`);
        holder = { column: 'enterprise_id', value: rows[0].id, what: `API key for ${rows[0].name_zh} (${code})` };
      }
      const tier = (arg('tier') ?? 'STANDARD').toUpperCase() as Tier;
      if (!TIERS.includes(tier)) throw new Error(`--tier must be one of ${TIERS.join(', ')} (rate-limit budgets: docs/limits.md)`);
      const { key, prefix, secretHash } = generateApiKey();
      await client.query(`insert into api_key (${holder.column}, prefix, secret_hash, label, tier) values ($1, $2, $3, $4, $5)`, [
        holder.value,
        prefix,
        secretHash,
        arg('label') ?? 'cli',
        tier,
      ]);
      process.stdout.write(`${holder.what}, tier ${tier}, prefix ${prefix}. Store it now; it is not shown again:\n${key}\n`);
    } else if (command === 'revoke') {
      const prefix = arg('prefix');
      const res = await client.query('update api_key set revoked_at = now() where prefix = $1 and revoked_at is null', [prefix]);
      process.stdout.write(res.rowCount ? `revoked ${prefix}\n` : `no active key with prefix ${prefix}\n`);
    } else {
      throw new Error(
        `usage: api-key create (--enterprise <credit code> | --authority <customs district code>) [--label text] [--tier ${TIERS.join('|')}] | revoke --prefix <prefix>`,
      );
    }
  } finally {
    await client.end();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
