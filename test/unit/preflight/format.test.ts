import { describe, expect, it } from 'vitest';
import { fail, ok, warn } from '../../../scripts/preflight/check.ts';
import { formatReport } from '../../../scripts/preflight/format.ts';

describe('the preflight checklist', () => {
  it('is one line a check, the fix after the arrow, and a verdict that counts what to fix', () => {
    const text = formatReport({
      ready: false,
      checks: [ok('redis', 'Redis 7 at 127.0.0.1:6379'), fail('dramatiq', 'Dramatiq: cannot import', 'pip install dramatiq'), warn('bind', 'HOST=0.0.0.0', 'HOST=127.0.0.1 npm start')],
    });
    expect(text.split('\n')).toEqual([
      'Preflight',
      '  ✓ Redis 7 at 127.0.0.1:6379',
      '  ✗ Dramatiq: cannot import  →  pip install dramatiq',
      '  ! HOST=0.0.0.0  →  HOST=127.0.0.1 npm start',
      'Not ready: 1 to fix (✗, each with its command), 1 to look at (!).',
    ]);
  });

  it('says ready when only warnings are left', () => {
    const text = formatReport({ ready: true, checks: [warn('recordings', 'recordings: old', 'npm run record')] });
    expect(text.split('\n').at(-1)).toBe('Ready: every demo of the deck can run (1 to look at, marked !).');
  });
});
