import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readRecordings } from '../../../slides/panel/recording.ts';

const valid = {
  panel: 'queue',
  recordedAt: '2025-11-25T12:03:00Z',
  lanes: { bullmq: { stats: { waiting: 0, active: 0, completed: 5, failed: 1, retried: 0 }, throughput: 12.5, latency: { p50: 3, p99: null } } },
};

describe('readRecordings', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is empty when the build defined no recordings', () => {
    expect(readRecordings(undefined).size).toBe(0);
  });

  it('keys recordings by name', () => {
    expect(readRecordings({ queue: valid }).get('queue')?.lanes.bullmq?.stats.completed).toBe(5);
  });

  it('leaves out an invalid entry and keeps the rest', () => {
    const recordings = readRecordings({ queue: valid, broken: { ...valid, recordedAt: 'yesterday' }, lanes: { ...valid, lanes: { kafka: {} } } });
    expect([...recordings.keys()]).toEqual(['queue']);
    expect(console.warn).toHaveBeenCalledTimes(2);
  });

  it('ignores a global that is not an object', () => {
    expect(readRecordings('queue').size).toBe(0);
  });
});
