// The peer of bench:peer: PostGraphile 5 (Amber preset) over the API's database, as its own
// process. Started by bench/peer.ts; never part of the API.
//
//   DATABASE_URL  the database (the API's)      PEER_SCHEMAS  exposed schemas, comma-separated (public)
//   PORT          0 for any free port           PEER_POOL     connections to PostgreSQL (16)
//
// Prints `ready: http://127.0.0.1:<port>/graphql` once it listens. No watch mode, no GraphiQL, no
// explain, no websockets; nothing is logged per request.
import { createServer } from 'node:http';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
const schemas = (process.env.PEER_SCHEMAS ?? 'public').split(',').map((s) => s.trim());
const poolSize = Number(process.env.PEER_POOL ?? 16);

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PgAggregatesPreset],
  pgServices: [makePgService({ connectionString, schemas, poolConfig: { max: poolSize }, pubsub: false })],
  grafserv: { graphqlPath: '/graphql', watch: false, graphiql: false, graphqlOverGET: false, websockets: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
// Build the schema before announcing readiness, so no timed request waits for introspection.
await pgl.getSchema();
const server = createServer();
server.once('listening', () => {
  server.on('error', (e) => console.error(e));
});
await serv.addTo(server);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  console.log(`ready: http://127.0.0.1:${port}/graphql`);
});

const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
