/**
 * The frame every panel shares. Panels draw their own dark card: they stay high-contrast on gaia's
 * `invert` slate and on any light theme. Colours follow Okabe–Ito, so completed (sky blue circle) and
 * failed (orange cross) differ for colour-blind eyes, and by shape for everyone. Sizes are slide-canvas
 * px (1280x720).
 */
export const css = `
.demo-panel {
  --demo-bg: #1f2a30;
  --demo-fg: #fff8e1;
  --demo-muted: #b0bec5;
  --demo-line: #78909c;
  --demo-track: #263238;
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
.demo-head { display: flex; align-items: center; gap: 18px; min-height: 40px; white-space: nowrap; }
.demo-title { flex: none; font-size: 26px; font-weight: 700; }
.demo-title:empty { display: none; }
.demo-body { display: flex; flex-direction: column; gap: inherit; min-width: 0; }
.demo-dim .demo-body > * { filter: grayscale(1); opacity: 0.45; }
/* Covers the header row: while offline its figures are stale anyway, and the body stays readable. */
.demo-banner {
  position: absolute; top: 8px; left: 12px; right: 12px; z-index: 2;
  padding: 6px 18px; border-radius: 10px; background: var(--demo-warn); color: #111;
  font-size: 24px; font-weight: 700; text-align: center; white-space: nowrap;
}
.demo-banner[hidden] { display: none; }
.demo-controls { display: flex; align-items: center; gap: 22px; }
.demo-head .demo-controls { margin-left: auto; }
.demo-head .demo-controls button { min-height: 40px; padding: 2px 14px; }
.demo-panel[data-controls="hidden"] .demo-controls, .demo-panel[data-controls="hidden"] button { display: none; }
.demo-group { display: flex; align-items: center; gap: 6px; }
.demo-group-label { color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.06em; margin-right: 4px; }
.demo-panel button {
  flex: none; white-space: nowrap;
  font: inherit; font-size: 20px; font-weight: 700; min-height: 44px; padding: 4px 16px; margin: 0;
  color: var(--demo-fg); background: #37474f; border: 2px solid #90a4ae; border-radius: 10px; cursor: pointer;
}
.demo-panel button:hover:not(:disabled) { background: #455a64; }
.demo-panel button:focus-visible { outline: 3px solid var(--demo-warn); outline-offset: 2px; }
.demo-panel button[aria-pressed="true"] { background: var(--demo-fg); color: #1f2a30; border-color: var(--demo-fg); }
.demo-panel button:disabled { opacity: 0.4; cursor: not-allowed; }
.demo-foot { display: flex; align-items: center; gap: 14px; }
.demo-foot[hidden] { display: none; }
.demo-panel:not([data-controls="hidden"]) .demo-foot > .demo-controls { min-height: 48px; }
/* Two lines at most, taking what the buttons leave: a long server message must not squeeze them. */
.demo-message {
  flex: 1 1 0; min-width: 0; font-size: 18px; line-height: 1.2; color: var(--demo-fail);
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden;
}
.demo-problem { font-size: 19px; line-height: 1.25; color: var(--demo-warn); }
.demo-problem::before { content: "▲ "; }
.demo-problem:empty { display: none; }
.demo-caption { font-size: 18px; line-height: 1.3; color: var(--demo-muted); }
.demo-caption:empty { display: none; }
.demo-code { font-family: 'DejaVu Sans Mono', ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; color: var(--demo-warn); }
/* Lanes side by side (lane-table.ts): a column per lane, a row per figure. */
.demo-table { display: grid; align-items: stretch; }
.demo-table-row { display: contents; }
.demo-table-label, .demo-table-cell { display: flex; align-items: center; padding: 1px 8px; border-top: 1px solid rgba(120, 144, 156, 0.35); white-space: nowrap; }
.demo-table-label { padding-left: 0; color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.05em; }
.demo-table-cell { justify-content: flex-end; overflow: hidden; text-overflow: ellipsis; font-size: 22px; font-weight: 700; }
.demo-table-row:first-child > .demo-table-label { border-top: none; }
.demo-table-head { display: flex; flex-direction: column; gap: 2px; padding: 0 8px 4px; min-width: 0; }
.demo-lane-out { opacity: 0.4; filter: grayscale(1); }
/* A chart's numbers for screen readers (and tests): the canvas itself says nothing. */
.demo-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
