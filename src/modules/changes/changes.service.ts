import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { type ChangeCursor, changeFeedDatasets, currentChangeCursor, decodeChangeCursor, encodeChangeCursor } from '../../db/change-capture';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/ids';
import { privateAnswer } from '../../graphql/plugins/cache-policy';
import { compileObject, newCompileCtx, subFieldNodes } from '../../graphql/sql/compile';
import { Params } from '../../graphql/sql/params';
import { sqlRegistry } from '../../graphql/sql/registry';
import { ChangeOp } from './changes.types';

export const CHANGES_DEFAULT = 100;
export const CHANGES_MAX = 200;
export const CHANGES_DATASETS_MAX = 30;
const BIGINT_MAX = '9223372036854775807';

const OPS: Record<string, ChangeOp> = { I: ChangeOp.INSERT, U: ChangeOp.UPDATE, D: ChangeOp.DELETE };

interface Row {
  pruned: string;
  seq: string | null;
  id: string | null;
  dataset: string;
  key: string;
  op: string;
  committed_at: string;
  node: Record<string, unknown> | null;
}

/** What a page of the feed resolves to (pageInfo is shaped by its field resolver, by response key). */
export interface ChangePage {
  edges: { cursor: string; node: ChangeOut }[];
  nodes: ChangeOut[];
  pageInfo: Record<string, unknown>;
  cursor: string;
  resync: boolean;
}

interface ChangeOut {
  id: string;
  dataset: string;
  op: ChangeOp;
  committedAt: string;
  node: Record<string, unknown> | null;
}

/** The `node` fields of Change under `edges { node }` and `nodes`, merged (one compiled object serves both). */
function changeNodeFields(info: GraphQLResolveInfo, c: ReturnType<typeof newCompileCtx>): FieldNode[] {
  return [
    ...subFieldNodes('ChangeConnection', info.fieldNodes, ['edges', 'node', 'node'], c),
    ...subFieldNodes('ChangeConnection', info.fieldNodes, ['nodes', 'node'], c),
  ];
}

/** Whether a client at `after` has missed pruned changes: it is before the horizon, or inside its last transaction. */
export function mustResync(after: ChangeCursor, prunedSeq: bigint): boolean {
  const seq = BigInt(after.seq);
  return seq < prunedSeq || (seq === prunedSeq && after.id !== undefined && prunedSeq > 0n);
}

/**
 * One page of the change feed after `after`, in commit order: one statement reads the retention
 * horizon, the page (transactions by seq from change_commit, each one's changes by id through
 * change_log's (txid, id) index, so a transaction of a million changes is read a page at a time)
 * and, when `node` is selected, each change's object compiled from the selection (one sub-select
 * per dataset asked for, under the dataset's public predicate: null once it is not public).
 */
export async function readChanges(
  ctx: Context,
  info: GraphQLResolveInfo,
  args: { after?: string | null; first?: number | null; datasets?: readonly string[] | null },
): Promise<ChangePage> {
  const first = args.first ?? CHANGES_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > CHANGES_MAX) throw badInput(`first must be between 1 and ${CHANGES_MAX}, got ${first}`, 'first');
  const all = changeFeedDatasets();
  let datasets: string[] | undefined;
  if (args.datasets != null) {
    if (args.datasets.length > CHANGES_DATASETS_MAX)
      throw badInput(`datasets takes at most ${CHANGES_DATASETS_MAX} names, got ${args.datasets.length}`, 'datasets');
    const unknown = args.datasets.filter((d) => !all.has(d));
    if (unknown.length) {
      throw badInput(
        `Unknown dataset${unknown.length > 1 ? 's' : ''}: ${unknown.map((d) => JSON.stringify(d.slice(0, 60))).join(', ')}; known: ${[...all.keys()].sort().join(', ')}`,
        'datasets',
      );
    }
    datasets = [...new Set(args.datasets)];
  }
  let after: ChangeCursor | undefined;
  if (args.after != null) {
    after = decodeChangeCursor(args.after);
    if (!after)
      throw badInput(`"${String(args.after).slice(0, 60)}" is not a changes cursor: pass a \`cursor\` returned by \`changes\` or a download`, 'after');
  }
  const from = after ?? { seq: '0' };

  const params = new Params();
  const c = newCompileCtx(info, ctx.lang, params, { viewerId: undefined });
  const nodeFields = changeNodeFields(info, c);
  const registry = sqlRegistry(info.schema);
  let node = 'null::json';
  if (nodeFields.length) {
    const cases: string[] = [];
    for (const d of all.values()) {
      if (datasets && !datasets.includes(d.dataset)) continue;
      const k = registry.nodes[d.type];
      if (!k) throw new Error(`changeFeed(${d.dataset}): ${d.type} is not a node type of the schema`);
      // The dataset's predicate names the row's own columns: inside `from <table> t` they are t's.
      cases.push(
        `when '${d.dataset}' then (select ${compileObject(d.type, nodeFields, 't', c)} from ${k.table} t where t.${k.column} = p.key::${k.keyType} and (${d.visible}))`,
      );
    }
    if (cases.length) node = `case when p.op = 'D' then null else case p.dataset ${cases.join(' ')} end end`;
  }
  const seq = params.add(from.seq);
  // A cursor without an id has all of its transaction delivered: nothing of it is after the cursor.
  const id = params.add(from.id ?? BIGINT_MAX);
  const limit = params.add(first + 1);
  const only = datasets ? ` and l.dataset = any(${params.add(datasets)}::text[])` : '';
  const rows = await ctx.db.query<Row>(
    `with page as (
      select c.seq, l.id, l.dataset, l.key, l.op, c.committed_at
      from change_commit c cross join lateral (
        select l.id, l.dataset, l.key, l.op from change_log l
        where l.txid = c.txid and l.id > case when c.seq = ${seq}::bigint then ${id}::bigint else 0 end${only}
        order by l.id limit ${limit}) l
      where c.seq >= ${seq}::bigint
      order by c.seq, l.id limit ${limit})
    select st.pruned::text as pruned, p.seq::text as seq, p.id::text as id, p.dataset, p.key, p.op, p.committed_at, ${node} as node
    from (select coalesce(max(pruned_seq), 0) as pruned from change_feed_state) st left join page p on true
    order by p.seq, p.id`,
    params.values,
  );
  const pruned = BigInt(rows[0]?.pruned ?? '0');
  const got = rows.filter((r) => r.seq !== null);
  const resync = after !== undefined && mustResync(after, pruned);
  const page = resync ? [] : got.slice(0, first);
  const hasNextPage = !resync && got.length > first;
  // A change's cursor says whether its transaction is complete with it (the next row is of another
  // transaction, or there is none): then the cursor names the seq alone.
  const cursors = page.map((r, i) => {
    const next = got[i + 1];
    return encodeChangeCursor(next && next.seq === r.seq ? { seq: r.seq!, id: r.id! } : { seq: r.seq! });
  });
  const changes: ChangeOut[] = page.map((r) => {
    const type = all.get(r.dataset)!.type;
    return {
      id: toGlobalId(type, r.key),
      dataset: r.dataset,
      op: OPS[r.op.trim()],
      committedAt: new Date(r.committed_at).toISOString(),
      node: r.node ? { ...r.node, $t: type } : null,
    };
  });
  const cursor = cursors.length ? cursors[cursors.length - 1] : encodeChangeCursor(from);
  // A full page never changes (later commits come after it); a short one grows with the next commit.
  if (!hasNextPage) privateAnswer(ctx);
  return {
    edges: changes.map((node, i) => ({ cursor: cursors[i], node })),
    nodes: changes,
    pageInfo: { hasNextPage, hasPreviousPage: after !== undefined, startCursor: cursors[0] ?? null, endCursor: cursors[cursors.length - 1] ?? null },
    cursor,
    resync,
  };
}

/** `changeCursor`: where the feed ends now. */
export async function headCursor(ctx: Context): Promise<string> {
  privateAnswer(ctx);
  return currentChangeCursor(ctx.db);
}
