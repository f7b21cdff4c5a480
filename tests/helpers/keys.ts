import pg from 'pg';
import { generateApiKey } from '../../src/modules/auth/api-key.service';

/** Issues an API key for an enterprise straight into the test database (what the CLI does). */
export async function issueKey(databaseUrl: string, enterpriseId: number): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { key, prefix, secretHash } = generateApiKey();
    await client.query('insert into api_key (enterprise_id, prefix, secret_hash, label) values ($1, $2, $3, $4)', [enterpriseId, prefix, secretHash, 'test']);
    return key;
  } finally {
    await client.end();
  }
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** Issues an authority key for a customs office (by district code) straight into the test database (what `apikey:create -- --authority` does). */
export async function issueAuthorityKey(databaseUrl: string, officeCode: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { key, prefix, secretHash } = generateApiKey();
    await client.query('insert into api_key (office_code, prefix, secret_hash, label) values ($1, $2, $3, $4)', [officeCode, prefix, secretHash, 'test']);
    return key;
  } finally {
    await client.end();
  }
}
