import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, type GraphQLSchema, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { Extensions } from 'type-graphql';
import type { ReplicaSet } from '../../db/read-db';
import type { Context } from '../context';
import { fragmentsOf } from '../document';
import { getPubSub } from '../pubsub';

/**
 * Read replicas (DATABASE_REPLICA_URLS): which request reads where.
 *
 * - A query reads from a replica, unless it asks a root field declared `@ReadsFromPrimary()` (what
 *   must see the latest writes: matchmaking, capacity, holds), or its caller (API key) wrote within
 *   the last `stickyMs` (a caller reads its own writes).
 * - Mutations and subscriptions use the primary, and so does authentication.
 *
 * A caller's writes are announced on the event bus (`cbec:wrote`), so every API process (workers of
 * one machine, or every machine through Redis) keeps that caller on the primary for the window.
 */

const WROTE = 'cbec:wrote';

/**
 * The root query field must see the latest writes: it never reads from a replica. With
 * `{ withKey: true }`, only when the caller has an API key (`node`, `nodes`: what a key may see
 * includes its own private rows, such as holds and demands; anonymous callers see public rows only).
 */
export const ReadsFromPrimary = (opts: { withKey?: boolean } = {}) => Extensions({ readFrom: opts.withKey ? 'primary-with-key' : 'primary' });

function readsFromPrimary(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  withKey: boolean,
): boolean {
  const root = schema.getQueryType();
  if (!root) return true;
  const fields = root.getFields();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) {
        const readFrom = (fields[s.name.value]?.extensions as { readFrom?: string } | undefined)?.readFrom;
        return readFrom === 'primary' || (withKey && readFrom === 'primary-with-key');
      }
      if (s.kind === Kind.INLINE_FRAGMENT) return walk(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const f = fragments[s.name.value];
      return f ? walk(f.selectionSet) : false;
    });
  return walk(operation.selectionSet);
}

export interface ReadRouting {
  plugin: ApolloServerPlugin<Context>;
  /** Stops following other processes' write announcements. */
  close(): Promise<void>;
}

export function readRouting(replicas: ReplicaSet, stickyMs: number): ReadRouting {
  /** API key id → until when its reads stay on the primary (epoch ms). */
  const recent = new Map<number, number>();
  const remember = (keyId: number, until: number) => {
    if ((recent.get(keyId) ?? 0) < until) recent.set(keyId, until);
    // Forget the expired now and then, so the map holds only the last window's writers.
    if (recent.size > 1000) {
      const now = Date.now();
      for (const [k, t] of recent) if (t <= now) recent.delete(k);
    }
  };
  const announcements = replicas.pools.length > 0 ? (getPubSub().subscribe(WROTE) as AsyncIterableIterator<{ keyId: number; until: number }>) : undefined;
  if (announcements) {
    void (async () => {
      for await (const e of announcements) remember(e.keyId, e.until);
    })();
  }

  return {
    plugin: {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, document, contextValue, schema }) {
            if (replicas.pools.length === 0 || operation?.operation !== 'query') return;
            const viewer = contextValue.viewer;
            if (viewer && (recent.get(viewer.apiKeyId) ?? 0) > Date.now()) return;
            if (readsFromPrimary(schema, operation, fragmentsOf(document), viewer !== undefined)) return;
            contextValue.db.useReplica(replicas);
          },
          async willSendResponse({ operation, contextValue }) {
            const viewer = contextValue.viewer;
            if (replicas.pools.length === 0 || operation?.operation !== 'mutation' || !viewer) return;
            const until = Date.now() + stickyMs;
            remember(viewer.apiKeyId, until);
            // Before the answer leaves: the caller's next request may reach another process.
            getPubSub().publish(WROTE, { keyId: viewer.apiKeyId, until });
          },
        };
      },
    },
    async close() {
      await announcements?.return?.();
    },
  };
}
