import { describe, expect, it } from 'vitest';
import { circleShape, DotLayer } from '../../../../../slides/panel/panels/queue/dot-layer.ts';

/** The two members of an SVG path the layer writes. */
function fakePath() {
  const path = {
    d: undefined as string | undefined,
    writes: 0,
    setAttribute(_name: string, value: string) {
      path.d = value;
      path.writes += 1;
    },
    removeAttribute() {
      path.d = undefined;
      path.writes += 1;
    },
  };
  return path;
}

const route = { x0: 0, y0: 0, x1: 100, y1: 0 };
const dot = (x: number, y: number) => `(${x.toFixed(0)},${y.toFixed(0)})`;

describe('DotLayer', () => {
  it('draws each dot where it is along its route, at constant speed', () => {
    const path = fakePath();
    const layer = new DotLayer(path as unknown as SVGPathElement, dot, 10);
    layer.spawn(route, 0, 100, 0);
    layer.spawn(route, 50, 100, 0);
    expect(layer.step(25)).toBe(true);
    expect(path.d).toBe('(25,0)');
    layer.step(75);
    expect(path.d).toBe('(75,0)(25,0)');
  });

  it('drops finished dots and reports when nothing moves any more', () => {
    const path = fakePath();
    const layer = new DotLayer(path as unknown as SVGPathElement, dot, 10);
    layer.spawn(route, 0, 100, 0);
    expect(layer.step(100)).toBe(false);
    expect(path.d).toBeUndefined();
  });

  it('keeps at most its capacity of dots, however many are spawned', () => {
    const path = fakePath();
    const layer = new DotLayer(path as unknown as SVGPathElement, dot, 3);
    for (let i = 0; i < 10_000; i += 1) layer.spawn(route, 0, 100, 0);
    layer.step(50);
    expect(path.d).toBe('(50,0)(50,0)(50,0)');
  });

  it('writes the DOM only when the drawing changed', () => {
    const path = fakePath();
    const layer = new DotLayer(path as unknown as SVGPathElement, dot, 3);
    layer.step(0);
    layer.step(1);
    expect(path.writes).toBe(0);
  });
});

describe('circleShape', () => {
  it('draws a circle of the radius centred on the point', () => {
    expect(circleShape(5)(10, 20)).toBe('M5.0 20.0a5 5 0 1 0 10 0a5 5 0 1 0 -10 0');
  });
});
