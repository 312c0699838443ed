import type { ResultColumn, ResultFramework, ResultsState, StoredResultView } from '../../../../demo-server/src/protocol/demos/results.ts';
import { resultFrameworks } from '../../../../demo-server/src/protocol/demos/results.ts';
import { sentences } from '../../captions.ts';
import type { FrameModel } from '../../frame/frame.ts';
import { selectDemo, type SourceInput } from '../../source.ts';

/** Where the panel's values and TTLs come from, said under it. */
const SOURCES = 'Values and TTLs read back from Redis twice a second: `GET`, `LINDEX` or `HGETALL` of the key, then its `PTTL`.';

export const resultLabels: Record<ResultFramework, { name: string; store: string }> = {
  celery: { name: 'Celery', store: 'Redis result backend' },
  dramatiq: { name: 'Dramatiq', store: 'Results middleware, Redis' },
  bullmq: { name: 'BullMQ', store: 'job.returnvalue' },
};

export interface ResultCard {
  readonly id: string;
  readonly call: string;
  readonly value: string;
  readonly key: string;
  readonly ttl: string;
  readonly state: StoredResultView['state'] | 'no-ttl';
  /** Share of the expiry left, 0..1, for the bar; undefined when there is no expiry to show. */
  readonly left: number | undefined;
}

export interface ResultsColumnView {
  readonly framework: ResultFramework;
  readonly status: ResultColumn['status'] | 'absent';
  readonly expiry: string;
  readonly note: string;
  readonly cards: readonly ResultCard[];
}

/** The expiry each framework was given, ms, to draw how much is left. */
const EXPIRY_MS = 60_000;

function ttlText(result: StoredResultView): string {
  if (result.state === 'expired') return 'expired: key gone';
  if (result.state === 'pending') return 'waiting for the result…';
  if (result.ttlMs === -1) return 'PTTL −1: no expiry';
  if (result.ttlMs === null) return '';
  return `TTL ${(result.ttlMs / 1000).toFixed(1)} s`;
}

function card(result: StoredResultView): ResultCard {
  const noTtl = result.state === 'stored' && result.ttlMs === -1;
  const left = result.state === 'stored' && result.ttlMs !== null && result.ttlMs >= 0 ? Math.min(1, result.ttlMs / EXPIRY_MS) : undefined;
  return {
    id: result.id,
    call: `cpu(${result.input})`,
    value: result.value ?? '…',
    key: result.key,
    ttl: ttlText(result),
    state: noTtl ? 'no-ttl' : result.state,
    left,
  };
}

export function resultColumns(state: ResultsState | undefined, frameworks: readonly ResultFramework[]): ResultsColumnView[] {
  return frameworks.map((framework) => {
    const column = state?.columns.find((c) => c.framework === framework);
    if (!column) return { framework, status: 'absent', expiry: '', note: '', cards: [] };
    const note = column.status === 'unavailable' ? [column.note, column.hint].filter(Boolean).join('. ') : '';
    // Newest first: the result just sent is at the top.
    return { framework, status: column.status, expiry: column.expiry, note, cards: [...column.results].reverse().map(card) };
  });
}

export interface ResultsViewModel extends FrameModel {
  readonly columns: readonly ResultsColumnView[];
}

export function resultsViewModel(input: SourceInput): ResultsViewModel {
  const source = selectDemo('results', input);
  return {
    columns: resultColumns(source.state, resultFrameworks),
    controls: source.controls,
    banner: source.banner,
    caption: sentences(SOURCES, source.note),
    dim: source.dim,
  };
}
