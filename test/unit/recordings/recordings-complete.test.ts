import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordingSchema, type Recording } from '../../../slides/panel/recording.ts';
import { absentInRecording } from '../../../scripts/recorders/absent-lanes.ts';
import { deckQueueLanes, deckRaceLanes } from '../../../scripts/recorders/deck-lanes.ts';

const dir = new URL('../../../slides/recordings/', import.meta.url);
const read = (name: string): Recording => recordingSchema.parse(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
const files = readdirSync(dir).filter((file) => file.endsWith('.json'));

describe('the recorded runs the exports show', () => {
  it.each(files)('%s shows no lane or framework as absent', (file) => {
    expect(absentInRecording(read(file))).toEqual([]);
  });

  it('the race ran every lane a race slide names, Celery and Dramatiq included, each to the end', () => {
    const lanes = deckRaceLanes(readFileSync(new URL('../../../slides/deck.md', import.meta.url), 'utf8'));
    expect(lanes).toEqual(expect.arrayContaining(['celery', 'dramatiq']));
    const race = read('race.json');
    for (const lane of lanes) {
      const run = race.lanes[lane]?.run;
      expect(run, lane).toBeDefined();
      expect(run!.finishedAt, lane).not.toBeNull();
      expect(race.lanes[lane]!.stats.completed, lane).toBe(run!.count);
    }
  });

  it('the queue panels of BullMQ, Celery and Dramatiq each have their lane recorded, backed up', () => {
    const lanes = deckQueueLanes(readFileSync(new URL('../../../slides/deck.md', import.meta.url), 'utf8'));
    expect(lanes).toEqual(expect.arrayContaining(['bullmq', 'celery', 'dramatiq']));
    const queue = read('queue.json');
    for (const lane of lanes) expect(queue.lanes[lane]?.stats.waiting, lane).toBeGreaterThan(0);
  });

  it('names a framework that sat a demo out, with its reason', () => {
    const recording = read('retries.json');
    const lanes = recording.demos!.retries!.lanes.map((lane) =>
      lane.lane === 'dramatiq' ? { ...lane, status: 'absent' as const, hint: 'Dramatiq is not installed' } : lane,
    );
    expect(absentInRecording({ ...recording, demos: { retries: { ...recording.demos!.retries!, lanes } } })).toEqual([
      'dramatiq: absent (Dramatiq is not installed)',
    ]);
  });
});
