import type { DemoName } from '../../demo-server/src/protocol/index.ts';
import { recordedOn } from './format.ts';
import type { Recording } from './recording.ts';

/** What every panel says about where its numbers come from. Backticks mark code; the frame renders them as code. */
export const HOW_TO_GO_LIVE = 'Live demo: run `npm start` and open http://127.0.0.1:3000';
export const OFFLINE_BANNER = 'Demo server offline — reconnecting…';
export const CONNECTING = 'Connecting to the demo server…';
export const MIRROR_NOTE = 'Preview: the demo runs live on the presenter’s main view.';

/** `Run recorded 2025-11-25 12:03 UTC.`, or nothing without a recording. */
export function recordedCaption(recording: Recording | undefined): string {
  return recording ? `Run ${recordedOn(recording.recordedAt)}.` : '';
}

export const noDemoHere = (name: DemoName): string => `This demo server runs no “${name}” demo: update it and restart.`;
export const notRecordedYet = (name: DemoName): string => `No recorded run of this demo yet: \`npm run record -- --only ${name}\`.`;

/** Sentences joined into one caption, the empty ones left out. */
export function sentences(...parts: readonly (string | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
