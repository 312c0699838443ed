/** A straight path in the stage's SVG user units. */
export interface Route {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

interface Dot {
  readonly el: SVGElement;
  route: Route;
  /** Vertical offset, so a burst reads as a stream rather than one dot. */
  spread: number;
  /** `performance.now()` time the dot sets off, ms. */
  start: number;
  duration: number;
}

/**
 * A bounded pool of identical SVG shapes moving along routes. Elements are created on first need
 * and recycled, so a burst of any size costs at most `capacity` nodes; a spawn beyond that is dropped.
 */
export class DotLayer {
  private readonly moving: Dot[] = [];
  private readonly idle: SVGElement[] = [];
  private created = 0;

  constructor(
    private readonly parent: SVGGElement,
    private readonly makeShape: () => SVGElement,
    private readonly capacity: number,
  ) {}

  spawn(route: Route, start: number, duration: number, spread: number): void {
    const el = this.idle.pop() ?? this.create();
    if (!el) return;
    this.moving.push({ el, route, spread, start, duration });
  }

  /** Moves every dot to where it is at `now`; true while any is still on its way. */
  step(now: number): boolean {
    for (let i = this.moving.length - 1; i >= 0; i -= 1) {
      const dot = this.moving[i]!;
      const t = (now - dot.start) / dot.duration;
      if (t >= 1) {
        this.retire(i);
        continue;
      }
      if (t < 0) continue;
      // Constant speed: a burst then reads as an even stream, not as clumps at both ends.
      const { x0, y0, x1, y1 } = dot.route;
      const x = x0 + (x1 - x0) * t;
      const y = y0 + (y1 - y0) * t + dot.spread * Math.sin(Math.PI * t);
      dot.el.setAttribute('transform', `translate(${x.toFixed(1)} ${y.toFixed(1)})`);
      dot.el.setAttribute('visibility', 'visible');
    }
    return this.moving.length > 0;
  }

  clear(): void {
    for (let i = this.moving.length - 1; i >= 0; i -= 1) this.retire(i);
  }

  private retire(index: number): void {
    const dot = this.moving[index]!;
    dot.el.setAttribute('visibility', 'hidden');
    this.idle.push(dot.el);
    // Order does not matter: swap with the last and pop, O(1).
    this.moving[index] = this.moving[this.moving.length - 1]!;
    this.moving.pop();
  }

  private create(): SVGElement | undefined {
    if (this.created >= this.capacity) return undefined;
    this.created += 1;
    const el = this.makeShape();
    el.setAttribute('visibility', 'hidden');
    this.parent.append(el);
    return el;
  }
}
