/** The chaining panel: one row per framework, three step boxes joined by arrows, coloured by state. */
export const css = `
.demo-chaining { gap: 10px; }
.demo-chain-rows { display: flex; flex-direction: column; gap: 10px; }
.demo-chain-row { display: grid; grid-template-columns: 200px 1fr; column-gap: 14px; row-gap: 3px; align-items: center; }
.demo-chain-label { display: flex; flex-direction: column; line-height: 1.15; }
.demo-chain-name { font-size: 24px; font-weight: 700; }
.demo-chain-api { font-size: 19px; }
.demo-chain-steps { display: flex; align-items: stretch; gap: 0; min-width: 0; }
.demo-chain-arrow { flex: none; align-self: center; width: 34px; text-align: center; color: var(--demo-line); font-size: 26px; }
.demo-chain-step {
  flex: 1 1 0; min-width: 0; padding: 4px 10px; border: 3px solid var(--demo-line); border-radius: 10px;
  background: #2b3a42; display: flex; flex-direction: column; gap: 1px;
}
.demo-chain-step-head { display: flex; justify-content: space-between; gap: 8px; white-space: nowrap; }
.demo-chain-step-name { font-size: 21px; font-weight: 700; }
.demo-chain-step-status { font-size: 18px; overflow: hidden; text-overflow: ellipsis; }
.demo-chain-step-detail {
  min-height: 24px; font-family: 'DejaVu Sans Mono', ui-monospace, monospace; font-size: 17px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: var(--demo-muted);
}
.demo-chain-step[data-state="waiting"], .demo-chain-step[data-state="never"] { border-style: dashed; opacity: 0.55; }
.demo-chain-step[data-state="never"] .demo-chain-step-name { text-decoration: line-through; }
.demo-chain-step[data-state="queued"] { border-color: var(--demo-fg); }
.demo-chain-step[data-state="running"] { border-color: var(--demo-warn); box-shadow: 0 0 0 3px rgba(240, 228, 66, 0.25); }
.demo-chain-step[data-state="running"] .demo-chain-step-status { color: var(--demo-warn); }
.demo-chain-step[data-state="retrying"] { border-color: var(--demo-fail); border-style: dashed; }
.demo-chain-step[data-state="succeeded"] { border-color: var(--demo-done); }
.demo-chain-step[data-state="succeeded"] .demo-chain-step-status { color: var(--demo-done); }
.demo-chain-step[data-state="succeeded"] .demo-chain-step-detail { color: var(--demo-fg); }
.demo-chain-step[data-state="failed"] { border-color: var(--demo-fail); }
.demo-chain-step[data-state="failed"] .demo-chain-step-status,
.demo-chain-step[data-state="failed"] .demo-chain-step-detail { color: var(--demo-fail); }
.demo-chain-outcome { grid-column: 2; font-size: 18px; line-height: 1.2; color: var(--demo-muted); min-height: 22px;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.demo-chain-row[data-status="failed"] .demo-chain-outcome { color: var(--demo-fg); }
.demo-chain-row[data-status="unavailable"] .demo-chain-steps { opacity: 0.4; filter: grayscale(1); }
.demo-chain-row[data-status="unavailable"] .demo-chain-outcome { color: var(--demo-warn); }
.demo-chaining .demo-caption { font-size: 17px; line-height: 1.25; color: var(--demo-muted); }
`;

