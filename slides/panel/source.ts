import type { DemoName, DemoStates } from '../../demo-server/src/protocol/index.ts';
import { CONNECTING, HOW_TO_GO_LIVE, MIRROR_NOTE, noDemoHere, notRecordedYet, OFFLINE_BANNER, recordedCaption, sentences } from './captions.ts';
import type { Mode } from './mode.ts';
import type { Recording } from './recording.ts';
import type { StoreState } from './store.ts';

/** What the panel's buttons may do: press, not now (offline, busy), or not at all (export, preview). */
export type Controls = 'enabled' | 'disabled' | 'hidden';

/** What every panel needs to know to present its numbers: the page's mode, its recording, the store. */
export interface SourceInput {
  readonly mode: Mode;
  readonly recording: Recording | undefined;
  /** The store's state: the server's when live, the live window's when mirrored; undefined in an export. */
  readonly store: StoreState | undefined;
}

/** How the numbers are presented, decided together with where they come from. */
export interface Presentation {
  readonly controls: Controls;
  /** The yellow banner over the header: the server is away (numbers kept, greyed). */
  readonly banner: string | undefined;
  /** Where the numbers come from when they are not live: recorded when, how to go live; or that this is a preview. */
  readonly note: string;
  /** The numbers are the last ones seen, not current: greyed. */
  readonly dim: boolean;
}

/**
 * Where a panel's numbers come from:
 * - `server`: the demo server's state, live (this window's socket) or mirrored (the live window's, in a
 *   preview such as the presenter view's next slide: read-only);
 * - `recording`: the panel's recorded run, with its time and how to go live, whenever there is no live
 *   state (an export, a preview before the live window answered, a server not reached yet or gone).
 */
export type Source =
  | (Presentation & { readonly from: 'server'; readonly state: StoreState })
  | (Presentation & { readonly from: 'recording'; readonly recording: Recording | undefined });

export function selectSource({ mode, recording, store }: SourceInput): Source {
  const recorded = (how: string, banner?: string): Source => ({
    from: 'recording',
    recording,
    controls: 'hidden',
    banner,
    note: sentences(recordedCaption(recording), how),
    dim: false,
  });
  if (mode === 'static') return recorded(HOW_TO_GO_LIVE);
  if (!store?.everConnected) {
    if (mode === 'mirror') return recorded(MIRROR_NOTE);
    return store?.connection === 'offline' ? recorded(HOW_TO_GO_LIVE, OFFLINE_BANNER) : recorded(CONNECTING);
  }
  // A preview mirrors the live window as it is, its banner included, without the buttons that would run the demo twice.
  const offline = store.connection !== 'open';
  const mirrored = mode === 'mirror';
  return {
    from: 'server',
    state: store,
    controls: mirrored ? 'hidden' : offline ? 'disabled' : 'enabled',
    banner: offline ? OFFLINE_BANNER : undefined,
    note: mirrored ? MIRROR_NOTE : '',
    dim: offline,
  };
}

/** A demo scenario's state and how to present it; `live` when it is the server's. */
export interface DemoSource<S> extends Presentation {
  readonly state: S | undefined;
  readonly live: boolean;
}

/**
 * The state of one demo scenario: the server's, else the recorded run's. A server that runs no such
 * demo shows the recording and says so; no recording at all says how to make one.
 */
export function selectDemo<N extends DemoName>(name: N, input: SourceInput): DemoSource<NonNullable<DemoStates[N]>> {
  const source = selectSource(input);
  if (source.from === 'server') {
    const state = source.state.demos[name] ?? undefined;
    if (state) return { ...presentation(source), state, live: true };
    // An older server: the recorded run stands in, and the note says why.
    const recorded = input.recording?.demos?.[name] ?? undefined;
    return { ...presentation(source), controls: 'hidden', state: recorded, live: false, note: sentences(noDemoHere(name), recordedCaption(input.recording)) };
  }
  const state = source.recording?.demos?.[name] ?? undefined;
  return { ...presentation(source), state, live: false, note: state ? source.note : sentences(notRecordedYet(name), source.note) };
}

const presentation = ({ controls, banner, note, dim }: Presentation): Presentation => ({ controls, banner, note, dim });

/** Buttons a panel allows only some of the time: enabled ones become disabled while `allowed` is false. */
export function allow(controls: Controls, allowed: boolean): Controls {
  return controls === 'enabled' && !allowed ? 'disabled' : controls;
}
