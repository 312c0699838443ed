import { afterEach, describe, expect, it } from 'vitest';
import { followStore, shareStore } from '../../../slides/panel/store-mirror.ts';
import { LaneStore } from '../../../slides/panel/store.ts';
import { delta, laneDelta, laneState, snapshot } from './fixtures.ts';

const stats = (completed: number) => ({ waiting: 0, active: 0, completed, failed: 0, retried: 0 });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('store mirror (BroadcastChannel, as between the deck and its presenter-view previews)', () => {
  const disposers: Array<() => void> = [];
  afterEach(() => disposers.splice(0).forEach((dispose) => dispose()));

  it('gives a preview that opens late the live state, then every change with its ticks', async () => {
    const live = new LaneStore();
    disposers.push(shareStore(live));
    live.receiveSnapshot(snapshot([laneState('bullmq', { stats: stats(5) })]));

    const preview = new LaneStore();
    const events: string[] = [];
    preview.subscribe((event) => events.push(event.type));
    disposers.push(followStore(preview));
    await settle();
    expect(preview.state.lanes.get('bullmq')?.stats.completed).toBe(5);

    const tick = { enqueued: 0, started: 0, completed: 3, failed: 0, retried: 0 };
    live.receiveDelta(delta([laneDelta('bullmq', { stats: stats(8), tick })]));
    await settle();
    expect(preview.state.lanes.get('bullmq')?.stats.completed).toBe(8);
    expect(events).toEqual(['snapshot', 'delta']);
  });

  it('reaches a preview that asked before the live window had anything to show', async () => {
    const live = new LaneStore();
    disposers.push(shareStore(live));
    const preview = new LaneStore();
    disposers.push(followStore(preview));
    await settle();
    expect(preview.state.everConnected).toBe(false);
    live.receiveSnapshot(snapshot());
    await settle();
    expect(preview.state.everConnected).toBe(true);
  });
});
