import { describe, expect, it } from 'vitest';
import { isSlideVisible } from '../../../slides/panel/slide-visibility.ts';

const classes = (...names: string[]) => ({ contains: (name: string) => names.includes(name) });

describe('isSlideVisible', () => {
  it('counts a slide bespoke does not manage as visible (plain HTML, PDF export)', () => {
    expect(isSlideVisible(classes())).toBe(true);
  });

  it('counts only the active bespoke slide as visible', () => {
    expect(isSlideVisible(classes('bespoke-marp-slide'))).toBe(false);
    expect(isSlideVisible(classes('bespoke-marp-slide', 'bespoke-marp-active'))).toBe(true);
  });
});
