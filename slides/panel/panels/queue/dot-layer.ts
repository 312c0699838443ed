/** A straight path in the stage's SVG user units. */
export interface Route {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

interface Dot {
  readonly route: Route;
  /** Sideways bulge, so a burst reads as a stream rather than one dot. */
  readonly spread: number;
  /** `performance.now()` time the dot sets off, ms. */
  readonly start: number;
  readonly duration: number;
}

/** Path data of one dot centred on (x, y). */
export type DotShape = (x: number, y: number) => string;

/**
 * Dots moving along routes, all drawn as ONE `<path>` whose data is rewritten each frame. A node
 * per dot would cost a style recalc per dot per frame; this costs one attribute write per layer,
 * whatever the burst. At most `capacity` dots move at once; a spawn beyond that is dropped.
 */
export class DotLayer {
  private moving: Dot[] = [];
  private drawn = '';

  constructor(
    private readonly path: SVGPathElement,
    private readonly shape: DotShape,
    private readonly capacity: number,
  ) {}

  spawn(route: Route, start: number, duration: number, spread: number): void {
    if (this.moving.length < this.capacity) this.moving.push({ route, spread, start, duration });
  }

  /** Draws every dot where it is at `now`; true while any is still on its way. */
  step(now: number): boolean {
    this.moving = this.moving.filter((dot) => now < dot.start + dot.duration);
    let d = '';
    for (const dot of this.moving) {
      const t = (now - dot.start) / dot.duration;
      if (t < 0) continue;
      // Constant speed: a burst then reads as an even stream, not as clumps at both ends.
      const { x0, y0, x1, y1 } = dot.route;
      d += this.shape(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + dot.spread * Math.sin(Math.PI * t));
    }
    this.draw(d);
    return this.moving.length > 0;
  }

  clear(): void {
    this.moving = [];
    this.draw('');
  }

  private draw(d: string): void {
    if (d === this.drawn) return;
    this.drawn = d;
    if (d) this.path.setAttribute('d', d);
    else this.path.removeAttribute('d');
  }
}

const r1 = (n: number): string => n.toFixed(1);

/** A filled circle of radius `r`, as two arcs. */
export const circleShape =
  (r: number): DotShape =>
  (x, y) =>
    `M${r1(x - r)} ${r1(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;

/** An X of half-width `r`, to be stroked. */
export const crossShape =
  (r: number): DotShape =>
  (x, y) =>
    `M${r1(x - r)} ${r1(y - r)}l${2 * r} ${2 * r}m0 ${-2 * r}l${-2 * r} ${2 * r}`;
