/**
 * The broker race. The panel is a size container: beside slide text it stacks chart over table,
 * across a whole slide it sets them side by side.
 */
export const css = `
.demo-race { container-type: inline-size; gap: 8px; }
.demo-race-body { display: flex; flex-direction: column; gap: 10px; }
.demo-race .demo-chart { height: 150px; }
.demo-race .demo-table-head { align-items: stretch; gap: 4px; }
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
.demo-table-cell.demo-winner[data-row="time"] { color: var(--demo-warn); }
.demo-table-cell.demo-winner[data-row="time"] .demo-race-place { background: var(--demo-warn); }
.demo-focus { background: rgba(255, 248, 225, 0.08); }
.demo-race-problems:empty { display: none; }
.demo-race-problem { font-size: 18px; line-height: 1.3; }
.demo-race-problem[hidden] { display: none; }
.demo-race-problem-title { margin-right: 10px; color: var(--demo-warn); font-weight: 700; }
.demo-race-problem-title::before { content: "▲ "; }
.demo-race-status { min-height: 30px; font-size: 22px; font-weight: 700; }
.demo-race-status.demo-race-won { color: var(--demo-warn); font-size: 24px; }
.demo-race .demo-caption { color: var(--demo-fg); }
@container (min-width: 1000px) {
  .demo-race-body { flex-direction: row; align-items: flex-start; gap: 22px; }
  .demo-race .demo-chart { flex: 1 1 50%; height: 250px; }
  .demo-race .demo-table { flex: 1 1 50%; }
}
`;
