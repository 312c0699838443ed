import uPlot from 'uplot';
import { html } from '../dom.ts';

/** How one line is drawn: colour for those who see it, dash pattern for those who don't. */
export interface SeriesStyle {
  readonly label: string;
  /** A CSS colour, or `var(--demo-…)` for one of the panel's own. */
  readonly color: string;
  /** Dash pattern in chart px; empty for a solid line. */
  readonly dash: readonly number[];
}

/** A series drawn by uPlot from the data: a line per lane (the race), bars per second (the batch). */
export type ChartSeries = { readonly kind: 'line'; readonly style: SeriesStyle } | { readonly kind: 'bars'; readonly color: string };

export interface AxisSpec {
  /** Said beside the axis; none where the panel says it elsewhere. */
  readonly label?: string;
  /** A tick's value as text; undefined hides the axis (its gridlines stay, if `grid`). */
  readonly format?: (v: number) => string;
  /** Where ticks and gridlines fall; uPlot picks round steps when not given. */
  readonly splits?: (min: number, max: number) => number[];
  /** The scale's range from the data's least and greatest value, when the frame gives none. */
  readonly range?: (min: number, max: number) => [number, number];
  /** Arcsinh scale: logarithmic for large values, linear near zero. */
  readonly log?: boolean;
  /** Chart px for the tick labels (besides the label). */
  readonly size?: number;
  readonly grid?: boolean;
}

export interface ChartSpec {
  /** What the chart shows, in words: the canvas itself says nothing to a screen reader. */
  readonly label: string;
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  readonly series?: readonly ChartSeries[];
  /** Room around the plot, chart px (top, right, bottom, left): for labels and marks at its edges. */
  readonly padding?: readonly [number, number, number, number];
}

/** The panel's colours, by the name of their CSS custom property without `--demo-`. */
export type Ink = 'fg' | 'muted' | 'line' | 'track' | 'done' | 'fail' | 'warn';

/** Draws marks over the plot in data units: what a series cannot say (markers, spans, attempts). */
export interface Painter {
  /** The plot's height, chart px: for rows laid out by size rather than by value. Sizes below are chart px too. */
  readonly plotHeight: number;
  /** A filled box from (x0, y0) to (x1, y1), data units; at least `minWidth` chart px wide; `alpha` for a faded one. */
  box(x0: number, x1: number, y0: number, y1: number, ink: Ink, minWidth?: number, alpha?: number): void;
  line(x0: number, y0: number, x1: number, y1: number, ink: Ink, width: number): void;
  /** A line across the whole plot, top to bottom, at `x`. */
  across(x: number, ink: Ink, width: number): void;
  /** A dot of `radius` chart px: filled, or a ring of `ring` px. */
  dot(x: number, y: number, radius: number, ink: Ink, ring?: number): void;
  /** An X of half-width `radius` chart px. */
  cross(x: number, y: number, radius: number, ink: Ink, width: number): void;
}

/** One drawing of the chart: the samples, the scales' ranges when fixed, and marks. */
export interface ChartData {
  readonly x: readonly number[];
  /** One array per series of the spec, a value per `x`; null or NaN where there is none. */
  readonly ys?: readonly (readonly number[])[];
  readonly xRange?: readonly [number, number];
  readonly yRange?: readonly [number, number];
  readonly marks?: (paint: Painter) => void;
}

export interface Chart {
  readonly root: HTMLElement;
  draw(data: ChartData): void;
  destroy(): void;
}

const FONT = "Lato, 'Helvetica Neue', Arial, sans-serif";
const GRID = 'rgba(176, 190, 197, 0.22)';

/** `var(--demo-done)` -> the colour the panel's stylesheet gives it; any other colour as it is. */
function resolver(el: Element): (color: string) => string {
  let style: CSSStyleDeclaration | undefined;
  return (color) => {
    const name = /^var\((--[\w-]+)\)$/.exec(color)?.[1];
    if (!name) return color;
    style ??= getComputedStyle(el);
    return style.getPropertyValue(name).trim() || '#fff';
  };
}

/**
 * Every chart of the panels, drawn by uPlot on a canvas: one look (large type, the panel's colours),
 * one way to size and redraw. Marp scales a slide with a CSS transform, which would blow a 1x canvas
 * up into a blur on a 1080p projector, so the chart is drawn at `k` times its size and shrunk back
 * with a transform of its own. It follows its box's size; a hidden slide's chart waits for one.
 */
export function createChart(spec: ChartSpec): Chart {
  const root = html('div', { class: 'demo-chart', role: 'img', 'aria-label': spec.label });
  const k = Math.max(1, Math.ceil(2 / (window.devicePixelRatio || 1)));
  const color = resolver(root);
  const series = spec.series ?? [];
  let plot: uPlot | undefined;
  let current: ChartData = { x: [] };
  let size = { width: 0, height: 0 };

  const aligned = (): uPlot.AlignedData => [
    current.x as number[],
    // uPlot leaves a gap at null; NaN would break its scale.
    ...series.map((_, i) => (current.ys?.[i] ?? []).map((y) => (Number.isFinite(y) ? y : null))),
  ];

  const painter = (u: uPlot): Painter => {
    const px = k * uPlot.pxRatio;
    const { ctx } = u;
    const ink = (name: Ink) => color(`var(--demo-${name})`);
    const x = (v: number) => u.valToPos(v, 'x', true);
    const y = (v: number) => u.valToPos(v, 'y', true);
    return {
      plotHeight: u.bbox.height / px,
      box(x0, x1, y0, y1, name, minWidth = 0, alpha = 1) {
        const left = x(x0);
        const top = Math.min(y(y0), y(y1));
        ctx.globalAlpha = alpha;
        ctx.fillStyle = ink(name);
        ctx.fillRect(left, top, Math.max(minWidth * px, x(x1) - left), Math.abs(y(y1) - y(y0)));
        ctx.globalAlpha = 1;
      },
      line(x0, y0, x1, y1, name, width) {
        ctx.strokeStyle = ink(name);
        ctx.lineWidth = width * px;
        ctx.lineCap = 'round';
        ctx.beginPath();
        ctx.moveTo(x(x0), y(y0));
        ctx.lineTo(x(x1), y(y1));
        ctx.stroke();
      },
      across(at, name, width) {
        ctx.fillStyle = ink(name);
        ctx.fillRect(x(at) - (width * px) / 2, u.bbox.top, width * px, u.bbox.height);
      },
      dot(cx, cy, radius, name, ring) {
        ctx.beginPath();
        ctx.arc(x(cx), y(cy), radius * px, 0, 2 * Math.PI);
        if (ring === undefined) {
          ctx.fillStyle = ink(name);
          ctx.fill();
        } else {
          ctx.strokeStyle = ink(name);
          ctx.lineWidth = ring * px;
          ctx.stroke();
        }
      },
      cross(cx, cy, radius, name, width) {
        const [left, top, r] = [x(cx), y(cy), radius * px];
        ctx.strokeStyle = ink(name);
        ctx.lineWidth = width * px;
        ctx.lineCap = 'round';
        ctx.beginPath();
        ctx.moveTo(left - r, top - r);
        ctx.lineTo(left + r, top + r);
        ctx.moveTo(left - r, top + r);
        ctx.lineTo(left + r, top - r);
        ctx.stroke();
      },
    };
  };

  const axis = (a: AxisSpec, horizontal: boolean): uPlot.Axis => {
    const format = a.format;
    return {
      show: format !== undefined || a.grid === true,
      stroke: color('var(--demo-fg)'),
      label: a.label,
      labelFont: `700 ${16 * k}px ${FONT}`,
      labelSize: a.label ? 20 * k : 0,
      labelGap: 0,
      font: `${17 * k}px ${FONT}`,
      size: format ? (a.size ?? (horizontal ? 28 : 52)) * k : 0,
      gap: 5 * k,
      space: (horizontal ? 60 : 30) * k,
      grid: { show: a.grid ?? true, stroke: GRID, width: k },
      ticks: { show: format !== undefined, stroke: GRID, width: k, size: 6 * k },
      ...(a.splits ? { splits: (u: uPlot, _i: number, min: number, max: number) => a.splits!(min, max) } : {}),
      // uPlot hands a null for each split it leaves unlabelled.
      values: (_u, splits) => splits.map((v) => (v == null || !format ? null : format(v))),
    };
  };

  const scale = (a: AxisSpec, fixed: () => readonly [number, number] | undefined): uPlot.Scale => ({
    auto: true,
    range: (_u, min, max) => [...(fixed() ?? a.range?.(min ?? 0, max ?? 1) ?? [min ?? 0, max ?? 1])] as [number, number],
    ...(a.log ? { distr: 4 as const, asinh: 10 } : {}),
  });

  const create = (width: number, height: number): uPlot =>
    new uPlot(
      {
        width: width * k,
        height: height * k,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        padding: (spec.padding ?? [8, 12, 0, 0]).map((p) => p * k) as uPlot.Padding,
        scales: {
          x: { ...scale(spec.x, () => current.xRange), time: false },
          y: scale(spec.y, () => current.yRange),
        },
        axes: [axis(spec.x, true), { ...axis(spec.y, false), ...(spec.y.log ? { filter: spacedOut(20 * k) } : {}) }],
        series: [
          {},
          ...series.map((s): uPlot.Series =>
            s.kind === 'line'
              ? {
                  stroke: color(s.style.color),
                  width: 4 * k,
                  dash: s.style.dash.map((d) => d * k),
                  points: { show: false },
                  // A sample some series have no value at is crossed, not a break in the line.
                  spanGaps: true,
                }
              : { fill: color(s.color), stroke: color(s.color), width: 0, points: { show: false }, paths: uPlot.paths.bars!({ size: [0.86, Infinity], gap: 2 * k }) },
          ),
        ],
        hooks: { draw: [(u) => current.marks?.(painter(u))] },
      },
      aligned(),
      root,
    );

  const fit = (): void => {
    // Layout size, not the on-screen one: the slide's own scaling is already accounted for by `k`.
    const width = root.clientWidth;
    const height = root.clientHeight;
    if (width === 0 || height === 0 || (width === size.width && height === size.height)) return;
    size = { width, height };
    if (plot) plot.setSize({ width: width * k, height: height * k });
    else plot = create(width, height);
    plot.root.style.transform = `scale(${1 / k})`;
  };
  const resize = new ResizeObserver(fit);
  resize.observe(root);

  return {
    root,
    draw(data) {
      current = data;
      if (plot) plot.setData(aligned());
      else fit();
    },
    destroy() {
      resize.disconnect();
      plot?.destroy();
      plot = undefined;
    },
  };
}

/** Labels only the gridlines at least `gap` canvas px apart, from the top down: the big numbers matter most. */
function spacedOut(gap: number) {
  return (u: uPlot, splits: number[]): (number | null)[] => {
    let lastPos = -Infinity;
    return [...splits]
      .reverse()
      .map((v) => {
        const pos = u.valToPos(v, 'y', true);
        if (Math.abs(pos - lastPos) < gap) return null;
        lastPos = pos;
        return v;
      })
      .reverse();
  };
}

/** Gridlines at 0, 10, 100, 1k… up to `max`: the steps of a log axis a room can read. */
export function decades(_min: number, max: number): number[] {
  const splits = [0];
  for (let v = 10; v <= max; v *= 10) splits.push(v);
  return splits;
}

/** Gridlines every `step` from the first multiple at or above `min` up to `max`. */
export function every(step: number): (min: number, max: number) => number[] {
  return (min, max) => {
    const splits: number[] = [];
    for (let v = Math.ceil(min / step - 1e-9) * step; v <= max + 1e-9; v += step) splits.push(Number(v.toFixed(6)));
    return splits;
  };
}
