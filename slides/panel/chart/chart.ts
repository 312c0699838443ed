import uPlot from 'uplot';
import { html } from '../dom.ts';
import { formatCompact } from '../format.ts';

/** How one lane is drawn: colour for those who see it, dash pattern for those who don't. */
export interface SeriesStyle {
  readonly label: string;
  readonly color: string;
  /** Canvas dash pattern in chart px; empty for a solid line. */
  readonly dash: readonly number[];
}

export interface RaceChart {
  readonly root: HTMLElement;
  /** Seconds since the start, and jobs/s per series (NaN: no sample). */
  setData(t: readonly number[], ys: readonly (readonly number[])[]): void;
  /** Re-reads the container's size; call when the panel may have been laid out anew. */
  fit(): void;
  destroy(): void;
}

const FG = '#fff8e1';
const MUTED = '#b0bec5';
const GRID = 'rgba(176, 190, 197, 0.22)';
const FONT = "Lato, 'Helvetica Neue', Arial, sans-serif";

/** Gridlines at 0, 10, 100, 1k… up to the top of the scale: the steps of a log axis a room can read. */
function decades(u: uPlot): number[] {
  const max = u.scales.y?.max ?? 0;
  const splits = [0];
  for (let v = 10; v <= max; v *= 10) splits.push(v);
  return splits;
}

/** Labels only the gridlines at least `gap` chart px apart, from the top down: the big numbers matter most. */
function spacedOut(gap: number) {
  return (u: uPlot, splits: number[]): (number | null)[] => {
    let lastPos = -Infinity;
    return [...splits].reverse().map((v) => {
      const pos = u.valToPos(v, 'y', true);
      if (Math.abs(pos - lastPos) < gap) return null;
      lastPos = pos;
      return v;
    }).reverse();
  };
}

/**
 * The live throughput chart, drawn by uPlot on a canvas. Marp scales a slide with a CSS transform,
 * which would blow up a 1x canvas into a blur on a 1080p projector, so the chart is drawn at
 * `oversample` times its size and shrunk back with a transform of its own.
 */
export function createRaceChart(styles: readonly SeriesStyle[]): RaceChart {
  const root = html('div', { class: 'demo-race-chart', role: 'img', 'aria-label': 'Throughput of each lane over time, jobs per second' });
  const k = Math.max(1, Math.ceil(2 / (window.devicePixelRatio || 1)));
  let plot: uPlot | undefined;
  let data: uPlot.AlignedData = [[], ...styles.map(() => [])];
  let size = { width: 0, height: 0 };

  const axis = (label: string, values: (v: number) => string): uPlot.Axis => ({
    stroke: MUTED,
    label,
    labelFont: `700 ${16 * k}px ${FONT}`,
    labelSize: 20 * k,
    labelGap: 0,
    font: `${17 * k}px ${FONT}`,
    size: 34 * k,
    gap: 5 * k,
    space: 48 * k,
    grid: { stroke: GRID, width: k },
    ticks: { stroke: GRID, width: k, size: 6 * k },
    // uPlot hands a null for each split it leaves unlabelled.
    values: (_u, splits) => splits.map((v) => (v == null ? null : values(v))),
  });

  const create = (width: number, height: number): uPlot =>
    new uPlot(
      {
        width: width * k,
        height: height * k,
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: {
          x: { time: false, range: (_u, _min, max) => [0, Math.max(1, max)] },
          // Arcsinh: logarithmic for large values, linear near zero. An in-process lane can run 30 times
          // faster than a broker; on a linear axis the brokers would be a flat line along the bottom.
          y: { distr: 4, asinh: 10, range: (_u, _min, max) => [0, Math.max(100, max * 1.5)] },
        },
        axes: [
          { ...axis('seconds since the start', (v) => `${v} s`), stroke: FG },
          { ...axis('jobs/s (log)', formatCompact), stroke: FG, size: 52 * k, splits: decades, filter: spacedOut(20 * k) },
        ],
        series: [
          {},
          ...styles.map((style) => ({
            label: style.label,
            stroke: style.color,
            width: 4 * k,
            dash: style.dash.map((d) => d * k),
            points: { show: false },
            // A sample some lanes have no value at (see RaceHistory) is crossed, not a break in the line.
            spanGaps: true,
          })),
        ],
      },
      data,
      root,
    );

  return {
    root,
    setData(t, ys) {
      // uPlot leaves a gap at null; NaN would break its scale.
      data = [t as number[], ...ys.map((series) => series.map((y) => (Number.isFinite(y) ? y : null)))];
      plot?.setData(data);
    },
    fit() {
      // Layout size, not the on-screen one: the slide's own scaling is already accounted for by `k`.
      const width = root.clientWidth;
      const height = root.clientHeight;
      if (width === 0 || height === 0 || (width === size.width && height === size.height)) return;
      size = { width, height };
      if (plot) plot.setSize({ width: width * k, height: height * k });
      else plot = create(width, height);
      plot.root.style.transform = `scale(${1 / k})`;
    },
    destroy() {
      plot?.destroy();
      plot = undefined;
    },
  };
}
