import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { requestHooksPlugin } from './hooks';

type Rc = GraphQLRequestContextWillSendResponse<object>;

async function listenerOf(plugin: ReturnType<typeof requestHooksPlugin<object>>) {
  const listener = await plugin.requestDidStart!({} as never);
  if (!listener) throw new Error('no listener');
  return listener;
}

describe('requestHooksPlugin (src/graphql/plugins/hooks.ts)', () => {
  it('runs the hooks in the order given, each waiting for the one before it', async () => {
    const seen: string[] = [];
    const listener = await listenerOf(
      requestHooksPlugin([
        { willSendResponse: () => new Promise<void>((resolve) => setTimeout(() => resolve(void seen.push('slow first')), 20)) },
        { willSendResponse: () => void seen.push('second') },
        { didResolveOperation: () => void seen.push('not a response hook') },
      ]),
    );
    await listener.willSendResponse!({} as Rc);
    expect(seen).toEqual(['slow first', 'second']);
  });

  it('runs every hook when one fails, then throws the first failure', async () => {
    const seen: string[] = [];
    const listener = await listenerOf(
      requestHooksPlugin([
        {
          willSendResponse: () => {
            throw new Error('first');
          },
        },
        { willSendResponse: () => Promise.reject(new Error('second')) },
        { willSendResponse: () => void seen.push('metrics') },
      ]),
    );
    await expect(listener.willSendResponse!({} as Rc)).rejects.toThrow('first');
    expect(seen).toEqual(['metrics']);
  });

  it('has no listener for a point no concern hooks, and hands every request the same listener', async () => {
    const plugin = requestHooksPlugin([{ willSendResponse: () => undefined }]);
    const a = await listenerOf(plugin);
    expect(a.didResolveOperation).toBeUndefined();
    expect(await listenerOf(plugin)).toBe(a);
  });
});
