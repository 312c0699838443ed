/** The reliability panel: a column per lane, a row per count. Sizes are slide px (1280x720). */
export const css = `
.demo-rel { gap: 4px; padding-top: 8px; padding-bottom: 8px; }
.demo-rel .demo-head { flex-wrap: wrap; row-gap: 6px; }
.demo-rel .demo-head .demo-controls button { padding: 2px 12px; font-size: 19px; }
.demo-rel-kill:not(:disabled) { border-color: var(--demo-fail); color: var(--demo-fail); }
.demo-rel .demo-table-cell { padding: 0 10px; font-size: 24px; }
.demo-rel .demo-table-cell[data-row="worker"] { font-size: 16px; font-weight: 400; color: var(--demo-muted); }
.demo-rel .demo-table-head { align-items: flex-end; gap: 1px; padding: 0 10px 3px; }
.demo-rel-name { font-size: 20px; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
.demo-rel-acks { font-size: 15px; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
.demo-rel-acks[data-acks="early"] { color: var(--demo-fail); }
.demo-rel-acks[data-acks="late"] { color: var(--demo-done); }
.demo-rel .demo-table-cell[data-row="lost"][data-bad="true"] { color: var(--demo-fail); }
.demo-rel .demo-table-cell[data-row="lost"][data-bad="false"] { color: var(--demo-done); }
.demo-rel-hints:empty { display: none; }
.demo-rel-hint { font-size: 18px; line-height: 1.3; }
.demo-rel-hint-title { margin-right: 10px; color: var(--demo-warn); font-weight: 700; }
.demo-rel-hint-title::before { content: "▲ "; }
.demo-rel-status { min-height: 28px; font-size: 21px; font-weight: 700; }
.demo-rel-status[data-phase="settled"] { color: var(--demo-warn); }
.demo-rel-previous { font-size: 18px; color: var(--demo-muted); }
.demo-rel-previous:empty { display: none; }
.demo-rel .demo-caption { font-size: 16px; }
`;
