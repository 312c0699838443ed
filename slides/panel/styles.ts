import { batchCss } from './panels/batch/styles.ts';
import { monitoringCss } from './panels/monitoring/styles.ts';
import { webApiCss } from './panels/web-api/styles.ts';

/**
 * The panels' CSS, injected once by the bundle so the deck build carries a single script.
 * Panels draw their own dark card: they stay high-contrast on gaia's `invert` slate and on any
 * light theme. Colours follow Okabe–Ito, so completed (sky blue circle) and failed (orange cross)
 * differ for colour-blind eyes, and by shape for everyone. Sizes are slide-canvas px (1280x720).
 */
const css = `
.demo-panel {
  --demo-bg: #1f2a30;
  --demo-fg: #fff8e1;
  --demo-muted: #b0bec5;
  --demo-line: #78909c;
  --demo-done: #56b4e9;
  --demo-fail: #e69f00;
  --demo-warn: #f0e442;
  position: relative;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  gap: 6px;
  width: 100%;
  padding: 12px 18px 14px;
  border: 2px solid #546e7a;
  border-radius: 16px;
  background: var(--demo-bg);
  color: var(--demo-fg);
  font-size: 20px;
  line-height: 1.25;
  letter-spacing: normal;
  text-align: left;
  font-variant-numeric: tabular-nums;
  user-select: none;
}
.demo-panel * { box-sizing: border-box; }
/* Marp's presenter view shows the current slide click-through; the speaker acts from there, so its panel takes clicks. */
body[data-bespoke-view="presenter"] svg.bespoke-marp-active .demo-panel { pointer-events: auto; }
.demo-head { display: flex; align-items: baseline; gap: 18px; min-height: 40px; white-space: nowrap; }
/* The metrics never shrink; a long broker name gives way first, with an ellipsis. */
.demo-title { flex: none; font-size: 26px; font-weight: 700; }
.demo-broker { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; color: var(--demo-muted); font-size: 20px; }
.demo-health { flex: none; font-size: 18px; font-weight: 700; padding: 2px 10px; border-radius: 999px; border: 2px solid currentColor; }
.demo-health[data-status="up"] { color: var(--demo-done); }
.demo-health[data-status="down"] { color: var(--demo-warn); }
.demo-health[data-status="unknown"] { display: none; }
.demo-metrics { flex: none; margin-left: auto; display: flex; gap: 26px; align-items: baseline; }
.demo-metric { display: flex; gap: 8px; align-items: baseline; }
.demo-metric-label { color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.06em; }
.demo-metric-value { font-size: 28px; font-weight: 700; }
.demo-stage-wrap { position: relative; }
.demo-stage { display: block; width: 100%; height: auto; overflow: visible; }
.demo-dots { position: absolute; top: 0; left: 0; pointer-events: none; will-change: transform; }
.demo-stage text { fill: var(--demo-fg); font-family: inherit; }
.demo-stage .demo-label { fill: var(--demo-muted); font-size: 16px; font-weight: 700; letter-spacing: 0.08em; }
.demo-stage .demo-small { fill: var(--demo-muted); font-size: 16px; }
.demo-stage .demo-count { font-size: 40px; font-weight: 700; paint-order: stroke; stroke: var(--demo-bg); stroke-width: 6px; stroke-linejoin: round; }
.demo-stage .demo-kind { font-size: 22px; font-weight: 700; }
.demo-box { fill: #2b3a42; stroke: var(--demo-line); stroke-width: 2; }
.demo-busy .demo-consumer-box { stroke: var(--demo-fg); stroke-width: 3; }
.demo-tube { fill: #2b3a42; stroke: var(--demo-fg); stroke-width: 2; }
.demo-fill { fill: #81d4fa; fill-opacity: 0.38; }
.demo-tick { stroke: var(--demo-line); stroke-width: 2; }
.demo-arrow { stroke: var(--demo-line); stroke-width: 3; fill: none; }
.demo-arrowhead { fill: var(--demo-line); }
.demo-dot { fill: var(--demo-fg); }
.demo-dot-done { fill: var(--demo-done); }
.demo-dot-fail { fill: none; stroke: var(--demo-fail); stroke-width: 4; stroke-linecap: round; }
.demo-done-mark { fill: var(--demo-done); }
.demo-fail-mark { fill: none; stroke: var(--demo-fail); stroke-width: 5; stroke-linecap: round; }
.demo-dim .demo-stage, .demo-dim .demo-metrics { filter: grayscale(1); opacity: 0.45; }
.demo-overlay {
  position: absolute; inset: 10% 14%; display: flex; flex-direction: column; justify-content: center; gap: 8px;
  padding: 14px 22px; border: 2px solid var(--demo-warn); border-radius: 12px; background: rgba(20, 28, 32, 0.94);
  text-align: center;
}
.demo-overlay[hidden] { display: none; }
.demo-overlay-title { font-size: 28px; font-weight: 700; color: var(--demo-warn); }
.demo-overlay-detail { font-size: 20px; }
.demo-code { font-family: 'DejaVu Sans Mono', ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; color: var(--demo-warn); }
.demo-overlay-hint { font-size: 20px; }
/* Covers the header row: while offline its figures are stale anyway, and the stage stays readable. */
.demo-banner {
  position: absolute; top: 8px; left: 12px; right: 12px; z-index: 2;
  padding: 6px 18px; border-radius: 10px; background: var(--demo-warn); color: #111;
  font-size: 24px; font-weight: 700; text-align: center; white-space: nowrap;
}
.demo-banner[hidden] { display: none; }
.demo-foot { display: flex; align-items: center; gap: 14px; min-height: 48px; }
.demo-queue .demo-foot { flex-wrap: wrap; row-gap: 8px; }
.demo-foot-row { flex: 1 0 100%; display: flex; align-items: center; gap: 26px; }
.demo-foot[data-controls="hidden"] .demo-foot-row { display: none; }
.demo-stacked { fill: #24323a; }
.demo-stacked[hidden] { display: none; }
.demo-producing { stroke: var(--demo-fg); stroke-width: 3; }
.demo-stage .demo-rate-on { fill: var(--demo-fg); font-size: 20px; font-weight: 700; }
.demo-group { display: flex; align-items: center; gap: 6px; }
.demo-group-label { color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.06em; margin-right: 4px; }
.demo-panel button {
  font: inherit; font-size: 20px; font-weight: 700; min-height: 44px; padding: 4px 16px; margin: 0;
  color: var(--demo-fg); background: #37474f; border: 2px solid #90a4ae; border-radius: 10px; cursor: pointer;
}
.demo-panel button:hover:not(:disabled) { background: #455a64; }
.demo-panel button:focus-visible { outline: 3px solid var(--demo-warn); outline-offset: 2px; }
.demo-panel button[aria-pressed="true"] { background: var(--demo-fg); color: #1f2a30; border-color: var(--demo-fg); }
.demo-panel button:disabled { opacity: 0.4; cursor: not-allowed; }
.demo-group button { flex: none; white-space: nowrap; }
/* Two lines at most, taking what the buttons leave: a long server message must not squeeze them. */
.demo-message {
  flex: 1 1 0; min-width: 0; font-size: 18px; line-height: 1.2; color: var(--demo-fail);
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
}
.demo-caption { font-size: 21px; }
.demo-caption:empty { display: none; }
.demo-foot[data-controls="hidden"] .demo-group { display: none; }

/* Broker race. The panel is a size container: beside slide text it stacks chart over table,
   across a whole slide it sets them side by side. */
.demo-race { container-type: inline-size; gap: 8px; }
.demo-race .demo-head { align-items: center; }
.demo-race-controls { margin-left: auto; }
.demo-race-controls[data-controls="hidden"] { display: none; }
.demo-race-controls button { min-height: 40px; padding: 2px 14px; }
.demo-race-body { display: flex; flex-direction: column; gap: 10px; }
.demo-race-chart { position: relative; height: 150px; overflow: hidden; }
/* What uPlot's own stylesheet would do, scoped: its canvases stacked in one box. */
.demo-race-chart .uplot { position: absolute; top: 0; left: 0; transform-origin: 0 0; line-height: 1; }
.demo-race-chart .u-wrap { position: relative; }
.demo-race-chart .u-over, .demo-race-chart .u-under { position: absolute; }
.demo-race-chart .u-under { overflow: hidden; }
.demo-race-chart canvas { display: block; position: relative; width: 100%; height: 100%; }
.demo-race-chart .u-axis { position: absolute; }
.demo-race-table { display: grid; align-items: baseline; }
.demo-race-row { display: contents; }
.demo-race-row-label, .demo-race-cell { padding: 1px 8px; border-top: 1px solid rgba(120, 144, 156, 0.35); white-space: nowrap; }
.demo-race-row-label { padding-left: 0; color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.05em; }
.demo-race-cell { overflow: hidden; text-overflow: ellipsis; text-align: right; font-size: 22px; font-weight: 700; }
.demo-race-col-head { display: flex; flex-direction: column; align-items: stretch; gap: 4px; padding: 0 8px 5px; min-width: 0; }
.demo-race-lane-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; text-align: right; font-size: 21px; font-weight: 700; }
.demo-race-key { display: flex; align-items: center; gap: 8px; }
.demo-swatch { flex: none; width: 34px; height: 12px; }
.demo-race-bar { flex: 1; display: block; height: 8px; border-radius: 4px; background: #37474f; overflow: hidden; }
.demo-race-bar-fill { display: block; height: 100%; width: 0; }
.demo-race-place {
  display: inline-block; margin-right: 8px; padding: 0 8px; border-radius: 999px;
  background: var(--demo-fg); color: var(--demo-bg); font-size: 17px; vertical-align: 2px;
}
.demo-race-place:empty { display: none; }
.demo-race-cell.demo-winner[data-row="time"] { color: var(--demo-warn); }
.demo-race-cell.demo-winner[data-row="time"] .demo-race-place { background: var(--demo-warn); }
.demo-focus { background: rgba(255, 248, 225, 0.08); }
.demo-lane-out { opacity: 0.4; filter: grayscale(1); }
.demo-race-problems:empty { display: none; }
.demo-race-problem { font-size: 18px; line-height: 1.3; }
.demo-race-problem[hidden] { display: none; }
.demo-race-problem-title { margin-right: 10px; color: var(--demo-warn); font-weight: 700; }
.demo-race-problem-title::before { content: "▲ "; }
.demo-race-status { min-height: 30px; font-size: 22px; font-weight: 700; }
.demo-race-status.demo-race-won { color: var(--demo-warn); font-size: 24px; }
.demo-race .demo-message:empty { display: none; }
.demo-race .demo-caption { font-size: 18px; line-height: 1.3; }
@container (min-width: 1000px) {
  .demo-race-body { flex-direction: row; align-items: flex-start; gap: 22px; }
  .demo-race-chart { flex: 1 1 50%; height: 250px; }
  .demo-race-table { flex: 1 1 50%; }
}
${webApiCss}${batchCss}${monitoringCss}`;

const STYLE_ID = 'demo-panel-styles';

export function injectStyles(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = css;
  doc.head.append(style);
}
