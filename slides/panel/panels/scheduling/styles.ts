/** The scheduling panel: one row per scheduler with its ticks on a scrolling time axis. */
export const css = `
.demo-scheduling { gap: 8px; }
.demo-sched-row { display: grid; grid-template-columns: 190px 1fr 150px; column-gap: 14px; row-gap: 2px; align-items: center; }
.demo-sched-label { display: flex; flex-direction: column; line-height: 1.15; }
.demo-sched-name { font-size: 23px; font-weight: 700; }
.demo-sched-how { font-size: 17px; }
.demo-sched-row .demo-chart { height: 62px; }
.demo-sched-side { display: flex; flex-direction: column; gap: 4px; align-items: stretch; }
.demo-sched-status { font-size: 17px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; color: var(--demo-muted); }
.demo-sched-row[data-status="running"] .demo-sched-status { color: var(--demo-done); }
.demo-sched-row[data-status="starting"] .demo-sched-status { color: var(--demo-warn); }
.demo-sched-row[data-status="unavailable"] .demo-sched-status { color: var(--demo-warn); }
.demo-sched-row[data-status="unavailable"] .demo-chart { opacity: 0.4; }
.demo-panel .demo-sched-side button { min-height: 38px; padding: 2px 10px; font-size: 18px; }
.demo-sched-stats { grid-column: 2; font-size: 18px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-sched-note { grid-column: 2 / 4; font-size: 17px; line-height: 1.2; color: var(--demo-warn);
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.demo-sched-note:empty { display: none; }
.demo-scheduling .demo-caption { font-size: 17px; line-height: 1.25; color: var(--demo-muted); }
`;

