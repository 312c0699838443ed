import { describe, expect, it } from 'vitest';
import { detectMode } from '../../../slides/panel/mode.ts';

describe('detectMode', () => {
  it('is live on the demo server, over http or https', () => {
    expect(detectMode({ protocol: 'http:', search: '', framed: false })).toBe('live');
    expect(detectMode({ protocol: 'https:', search: '?foo=1', framed: false })).toBe('live');
  });

  it('is live in the presenter window itself, which is the speaker main view', () => {
    expect(detectMode({ protocol: 'http:', search: '?view=presenter&sync=abc', framed: false })).toBe('live');
  });

  it('is static from a file or a data URL, as in the PDF and PPTX export', () => {
    expect(detectMode({ protocol: 'file:', search: '', framed: false })).toBe('static');
    expect(detectMode({ protocol: 'data:', search: '', framed: true })).toBe('static');
    expect(detectMode({ protocol: 'about:', search: '', framed: false })).toBe('static');
  });

  it('mirrors in the presenter next-slide preview and the overview', () => {
    expect(detectMode({ protocol: 'http:', search: '?view=next', framed: true })).toBe('mirror');
    expect(detectMode({ protocol: 'http:', search: '?view=overview&sync=x', framed: true })).toBe('mirror');
  });

  it('mirrors in any frame, even without a view parameter', () => {
    expect(detectMode({ protocol: 'https:', search: '', framed: true })).toBe('mirror');
  });
});
