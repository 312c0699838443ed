import { describe, expect, it } from 'vitest';
import type { ResultsState } from '../../../demo-server/src/protocol/demos/results.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, OFFLINE_BANNER } from '../../../slides/panel/captions.ts';
import type { Recording } from '../../../slides/panel/recording.ts';
import { allow, selectDemo, selectSource } from '../../../slides/panel/source.ts';
import { applySnapshot, initialState, type StoreState } from '../../../slides/panel/store.ts';
import { snapshot } from './fixtures.ts';

const results: ResultsState = { columns: [] };
const recording: Recording = { panel: 'results', recordedAt: '2026-11-25T15:00:00Z', lanes: {}, demos: { results } };
const RECORDED = 'Run recorded 2026-11-25 15:00 UTC.';
const connected: StoreState = { ...applySnapshot(initialState, snapshot([])), demos: { results } };

describe('where a panel’s numbers come from', () => {
  it('an export shows the recording, its time and how to go live, never a button', () => {
    expect(selectSource({ mode: 'static', recording, store: undefined })).toMatchObject({
      from: 'recording',
      controls: 'hidden',
      banner: undefined,
      note: `${RECORDED} ${HOW_TO_GO_LIVE}`,
    });
  });

  it('a live page shows the recording while it connects, with the banner once the server proves away', () => {
    expect(selectSource({ mode: 'live', recording, store: initialState })).toMatchObject({ from: 'recording', note: `${RECORDED} ${CONNECTING}`, banner: undefined });
    expect(selectSource({ mode: 'live', recording, store: { ...initialState, connection: 'offline' } })).toMatchObject({
      from: 'recording',
      note: `${RECORDED} ${HOW_TO_GO_LIVE}`,
      banner: OFFLINE_BANNER,
    });
  });

  it('a live page shows the server’s state; once it is gone, the last state greyed, the buttons off, the banner', () => {
    expect(selectSource({ mode: 'live', recording, store: connected })).toMatchObject({ from: 'server', controls: 'enabled', note: '', dim: false });
    expect(selectSource({ mode: 'live', recording, store: { ...connected, connection: 'offline' } })).toMatchObject({
      from: 'server',
      controls: 'disabled',
      banner: OFFLINE_BANNER,
      dim: true,
    });
  });

  it('a preview mirrors the live window read-only, its banner included, and shows the recording until it answers', () => {
    expect(selectSource({ mode: 'mirror', recording, store: initialState })).toMatchObject({ from: 'recording', note: `${RECORDED} ${MIRROR_NOTE}` });
    expect(selectSource({ mode: 'mirror', recording, store: connected })).toMatchObject({ from: 'server', controls: 'hidden', note: MIRROR_NOTE });
    expect(selectSource({ mode: 'mirror', recording, store: { ...connected, connection: 'offline' } })).toMatchObject({ controls: 'hidden', banner: OFFLINE_BANNER, dim: true });
  });

  it('a demo takes the server’s state, else the recording’s; a server without the demo says so', () => {
    expect(selectDemo('results', { mode: 'live', recording, store: connected })).toMatchObject({ live: true, state: results, controls: 'enabled' });
    expect(selectDemo('results', { mode: 'static', recording, store: undefined })).toMatchObject({ live: false, state: results });
    const older = selectDemo('results', { mode: 'live', recording, store: { ...connected, demos: {} } });
    expect(older).toMatchObject({ live: false, state: results, controls: 'hidden' });
    expect(older.note).toBe(`This demo server runs no “results” demo: update it and restart. ${RECORDED}`);
  });

  it('a demo never recorded says how to record it', () => {
    expect(selectDemo('results', { mode: 'static', recording: undefined, store: undefined }).note).toBe(
      `No recorded run of this demo yet: \`npm run record -- --only results\`. ${HOW_TO_GO_LIVE}`,
    );
  });

  it('narrows enabled buttons to disabled while a panel forbids them, and leaves hidden ones hidden', () => {
    expect(allow('enabled', false)).toBe('disabled');
    expect(allow('enabled', true)).toBe('enabled');
    expect(allow('hidden', false)).toBe('hidden');
  });
});
