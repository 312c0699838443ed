import type { DemoName, DemoStates } from '../../demo-server/src/protocol/index.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, OFFLINE_BANNER, recordedCaption } from './captions.ts';
import type { Mode } from './mode.ts';
import type { Recording } from './recording.ts';
import type { StoreState } from './store.ts';

/** A demo panel's state and how to present it: the server's, or the recorded run's when there is no live one. */
export interface DemoSource<S> {
  readonly state: S | undefined;
  readonly live: boolean;
  readonly controls: 'enabled' | 'disabled' | 'hidden';
  /** Where the numbers come from when they are not live (recorded when, how to go live). */
  readonly note: string;
  readonly banner: string | undefined;
}

export interface DemoSourceInput {
  readonly mode: Mode;
  readonly recording: Recording | undefined;
  readonly store: StoreState | undefined;
}

/**
 * The same rules as the lane panels: an export shows the recording; a preview shows the live window's
 * state without buttons; a live page shows the server's state, or the recording with a banner while
 * the server is away.
 */
export function demoSource<N extends DemoName>(name: N, { mode, recording, store }: DemoSourceInput): DemoSource<NonNullable<DemoStates[N]>> {
  const recorded = recording?.demos?.[name] ?? undefined;
  const fromRecording = (note: string, banner?: string) => ({
    state: recorded,
    live: false,
    controls: 'hidden' as const,
    note: [recordedCaption(recording), note].filter(Boolean).join(' '),
    banner,
  });
  if (mode === 'static') return fromRecording(HOW_TO_GO_LIVE);
  if (mode === 'mirror' && !store?.everConnected) return fromRecording(MIRROR_NOTE);
  if (!store || !store.everConnected) {
    return store?.connection === 'offline' ? fromRecording(HOW_TO_GO_LIVE, OFFLINE_BANNER) : fromRecording(CONNECTING);
  }
  const live = store.demos[name] ?? undefined;
  if (!live) return { ...fromRecording(`This demo server runs no “${name}” demo.`), controls: 'hidden' };
  const offline = store.connection !== 'open';
  if (mode === 'mirror') return { state: live, live: true, controls: 'hidden', note: MIRROR_NOTE, banner: undefined };
  return {
    state: live,
    live: true,
    controls: offline ? 'disabled' : 'enabled',
    note: '',
    banner: offline ? OFFLINE_BANNER : undefined,
  };
}
