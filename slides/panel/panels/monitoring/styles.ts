/** The monitoring panel: lanes, workers and the latest tasks, Flower-style. Slide-canvas px (1280x720). */
export const css = `
.demo-mon { gap: 6px; padding-top: 8px; }
.demo-mon .demo-head { min-height: 36px; }
.demo-mon .demo-head .demo-controls button { min-height: 36px; font-size: 18px; }
.demo-mon-cols { display: flex; gap: 20px; align-items: flex-start; }
.demo-mon-col { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
.demo-mon-left { flex: 0 0 39%; }
.demo-mon-right { flex: 1 1 auto; }
.demo-mon-table { display: grid; font-size: 18px; }
.demo-mon-body, .demo-mon-row { display: contents; }
.demo-mon-row > div { padding: 2px 6px; border-top: 1px solid rgba(120, 144, 156, 0.35); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 0; }
.demo-mon-head > div { border-top: none; color: var(--demo-muted); font-size: 15px; text-transform: uppercase; letter-spacing: 0.05em; }
.demo-mon-lanes { grid-template-columns: minmax(0, 1fr) repeat(5, auto); }
.demo-mon-lanes .demo-mon-body > .demo-mon-row > div:not(:first-child) { text-align: right; font-weight: 700; }
.demo-mon-lanes .demo-mon-head > div:not(:first-child) { text-align: right; }
.demo-mon-lanes .demo-mon-row[data-down="true"] > div { opacity: 0.45; }
.demo-mon-workers { grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto auto; }
/* The job column keeps room to be read; a long worker name gives way, with an ellipsis. */
.demo-mon-tasks { grid-template-columns: auto auto minmax(12ch, 1fr) auto auto minmax(0, 11ch) auto; align-items: center; }
.demo-mon-tasks .demo-mon-row > div { padding: 1px 6px; }
.demo-mon-tasks .demo-mon-row[data-state="completed"] > div:nth-child(4) { color: var(--demo-done); }
.demo-mon-tasks .demo-mon-row[data-state="failed"] > div:nth-child(4) { color: var(--demo-fail); }
.demo-mon-tasks .demo-mon-row[data-state="active"] > div:nth-child(4) { color: var(--demo-warn); }
.demo-mon-tasks .demo-mon-body > .demo-mon-row > div:nth-child(5) { text-align: right; }
.demo-panel button.demo-mon-rerun { min-height: 28px; padding: 0 10px; font-size: 16px; border-radius: 8px; }
.demo-mon-history { font-size: 18px; color: var(--demo-muted); }
.demo-mon .demo-caption { font-size: 17px; color: var(--demo-fg); }
`;
