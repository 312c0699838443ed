import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../slides/panel/api.ts';

const response = (status: number, body: unknown, statusText = '') => ({
  status,
  statusText,
  json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
});

describe('errorMessage', () => {
  it('shows the server words from its JSON error body', async () => {
    const body = { error: { code: 'rate_limited', message: 'Too many requests: try again in a few seconds' } };
    expect(await errorMessage(response(429, body))).toBe('Too many requests: try again in a few seconds');
  });

  it('falls back to the status line when the body is not the error shape', async () => {
    expect(await errorMessage(response(502, '<html>Bad gateway</html>', 'Bad Gateway'))).toBe('Request failed: HTTP 502 Bad Gateway');
    expect(await errorMessage(response(500, { oops: true }))).toBe('Request failed: HTTP 500');
  });
});
