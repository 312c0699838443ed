import type { LaneName, TickCounts } from '../../demo-server/src/protocol/index.ts';
import type { Dispose } from './context.ts';
import type { LaneStore, StoreState } from './store.ts';

/** Same-origin windows and frames of the deck talk on this channel; nothing leaves the browser. */
const CHANNEL = 'demo-panel-store';

type MirrorMessage =
  | { readonly type: 'hello' }
  | { readonly type: 'state'; readonly state: StoreState; readonly ticks: ReadonlyMap<LaneName, TickCounts> | undefined };

const hasChannel = (): boolean => typeof BroadcastChannel !== 'undefined';

/**
 * The live window hands every state of its store to the deck's previews (Marp's presenter view loads
 * the deck again for the next slide): they show the running demo without a socket of their own.
 */
export function shareStore(store: LaneStore): Dispose {
  if (!hasChannel()) return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  // Copying the state to another window costs the live one time on every delta: only once a preview asked.
  let previewSeen = false;
  const send = (ticks?: ReadonlyMap<LaneName, TickCounts>): void => {
    const message: MirrorMessage = { type: 'state', state: store.state, ticks };
    channel.postMessage(message);
  };
  const unsubscribe = store.subscribe((event) => {
    if (previewSeen) send(event.type === 'delta' ? event.ticks : undefined);
  });
  // A preview says hello when it opens, until answered; the live window answers with what it has.
  channel.onmessage = (event: MessageEvent<MirrorMessage>) => {
    if (event.data?.type !== 'hello') return;
    previewSeen = true;
    if (store.state.everConnected) send();
  };
  return () => {
    unsubscribe();
    channel.close();
  };
}

/** Until the live window has answered, a preview asks again this often, ms: it may still be connecting. */
const HELLO_EVERY_MS = 1_000;

/** A preview's store, following the live window's: read-only, since it never talks to the server. */
export function followStore(store: LaneStore): Dispose {
  if (!hasChannel()) return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  const hello: MirrorMessage = { type: 'hello' };
  const asking = setInterval(() => channel.postMessage(hello), HELLO_EVERY_MS);
  channel.onmessage = (event: MessageEvent<MirrorMessage>) => {
    if (event.data?.type !== 'state') return;
    clearInterval(asking);
    store.adopt(event.data.state, event.data.ticks);
  };
  channel.postMessage(hello);
  return () => {
    clearInterval(asking);
    channel.close();
  };
}
