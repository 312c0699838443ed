/**
 * The retries panel: a card per lane, 2 by 2. Sizes are slide px (1280x720).
 * Attempts: hollow orange = failed and retried, filled blue = succeeded, orange cross = failed for good.
 */
export const css = `
.demo-retry { gap: 4px; padding-top: 8px; padding-bottom: 8px; }
.demo-retry .demo-head .demo-controls button { min-height: 38px; padding: 2px 12px; font-size: 19px; }
.demo-retry-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 18px; }
.demo-retry-card { display: flex; flex-direction: column; gap: 1px; min-width: 0; }
.demo-retry-card-head { display: flex; align-items: baseline; gap: 10px; white-space: nowrap; min-width: 0; }
.demo-retry-name { flex: none; font-size: 20px; font-weight: 700; }
.demo-retry-policy { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; color: var(--demo-muted); font-size: 14px; font-family: 'DejaVu Sans Mono', ui-monospace, monospace; }
.demo-retry-card .demo-chart { height: 116px; }
.demo-retry-card .demo-chart[hidden] { display: none; }
.demo-retry-hint { min-height: 60px; font-size: 17px; line-height: 1.3; color: var(--demo-fg); }
.demo-retry-hint[hidden] { display: none; }
.demo-retry-out .demo-retry-name { color: var(--demo-muted); }
.demo-retry-totals { display: flex; align-items: baseline; gap: 6px; line-height: 1.1; white-space: nowrap; font-size: 15px; color: var(--demo-muted); }
.demo-retry-total { display: inline-flex; align-items: baseline; gap: 4px; margin-left: 8px; }
.demo-retry-total:first-child { margin-left: 0; }
.demo-retry-total-value { font-size: 22px; font-weight: 700; color: var(--demo-fg); }
.demo-retry-symbol { font-size: 14px; }
.demo-retry-total-firstTry .demo-retry-symbol { color: var(--demo-done); }
.demo-retry-total-afterRetries .demo-retry-symbol { color: var(--demo-done); }
.demo-retry-total-deadLettered .demo-retry-symbol, .demo-retry-total-deadLettered .demo-retry-total-value { color: var(--demo-fail); }
.demo-retry-status { min-height: 26px; font-size: 19px; font-weight: 700; }
.demo-retry-status[data-done="true"] { color: var(--demo-warn); }
.demo-retry .demo-caption { font-size: 15px; }
`;
