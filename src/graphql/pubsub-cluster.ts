import type { Worker } from 'node:cluster';
import { createPubSub } from '@graphql-yoga/subscription';
import { getPubSub, setPubSub } from './pubsub';

/**
 * Subscription events between the worker processes of one machine (API_PROCESSES > 1) when there is
 * no Redis: a worker delivers an event to its own subscribers and sends it to the primary, which
 * passes it on to every other worker. Events are JSON over Node's IPC channel, as they are through
 * Redis (pubsub-redis.ts), so a subscriber sees the same payload either way. With REDIS_URL set,
 * Redis carries them instead (and reaches other machines too).
 */

const CHANNEL = 'cbec:event';

interface EventMessage {
  channel: typeof CHANNEL;
  topic: string;
  detail: unknown;
}

const isEvent = (m: unknown): m is EventMessage => typeof m === 'object' && m !== null && (m as { channel?: unknown }).channel === CHANNEL;

/** In a worker: makes the process-wide bus deliver here and to the other workers. Returns what undoes it. */
export function connectClusterPubSub(): () => void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('connectClusterPubSub: not a worker process (no IPC channel)');
  const local = new EventTarget();
  const target: EventTarget = {
    addEventListener: (type, listener, options) => local.addEventListener(type, listener, options),
    removeEventListener: (type, listener, options) => local.removeEventListener(type, listener, options),
    dispatchEvent(event: Event) {
      const detail = (event as CustomEvent).detail;
      // Through JSON here too, so this worker's subscribers see what the others see.
      const copy = detail === undefined ? null : JSON.parse(JSON.stringify(detail));
      if (process.connected) send({ channel: CHANNEL, topic: event.type, detail: copy } satisfies EventMessage);
      return local.dispatchEvent(new CustomEvent(event.type, { detail: copy }));
    },
  };
  const onMessage = (m: unknown) => {
    if (isEvent(m)) local.dispatchEvent(new CustomEvent(m.topic, { detail: m.detail }));
  };
  process.on('message', onMessage);
  const previous = getPubSub();
  const bus = createPubSub({ eventTarget: target }) as ReturnType<typeof getPubSub>;
  setPubSub(bus);
  return () => {
    process.off('message', onMessage);
    if (getPubSub() === bus) setPubSub(previous);
  };
}

/** In the primary: passes each worker's events on to the other workers. */
export function relayClusterEvents(from: Worker, workers: () => Iterable<Worker>): void {
  from.on('message', (m: unknown) => {
    if (!isEvent(m)) return;
    for (const w of workers()) {
      if (w !== from && w.isConnected()) w.send(m);
    }
  });
}
