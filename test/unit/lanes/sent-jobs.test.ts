import { describe, expect, it } from 'vitest';
import { SentJobs } from '../../../demo-server/src/lanes/sent-jobs.ts';

describe('the jobs a lane sent', () => {
  it('remembers when each was enqueued until it ends', () => {
    const sent = new SentJobs();
    sent.sent('a', 100);
    expect(sent.enqueuedAtOf('a')).toBe(100);
    sent.ended('a');
    expect(sent.enqueuedAtOf('a')).toBeUndefined();
  });

  it('tells the jobs of the run before a reset apart until they end', () => {
    const sent = new SentJobs();
    sent.sent('old', 1);
    sent.reset();
    sent.sent('new', 2);
    expect([sent.fromBeforeReset('old'), sent.fromBeforeReset('new'), sent.fromBeforeReset('elsewhere')]).toEqual([true, false, false]);
    sent.ended('old');
    expect(sent.fromBeforeReset('old')).toBe(false);
  });
});
