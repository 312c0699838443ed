/** The result store panel: a column per framework, a card per result with its key and live TTL. */
export const css = `
.demo-results { gap: 8px; }
.demo-res-columns { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 14px; }
.demo-res-column { display: flex; flex-direction: column; gap: 6px; min-width: 0; }
.demo-res-head { display: flex; flex-direction: column; line-height: 1.2; padding-bottom: 4px; border-bottom: 2px solid var(--demo-line); }
.demo-res-name { font-size: 24px; font-weight: 700; }
.demo-res-store { font-size: 17px; color: var(--demo-muted); }
.demo-res-expiry { font-size: 17px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-res-cards { display: flex; flex-direction: column; gap: 6px; min-height: 258px; }
.demo-res-card { position: relative; padding: 4px 10px 6px; border: 2px solid var(--demo-done); border-radius: 10px; background: #2b3a42; overflow: hidden; }
.demo-res-line { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; white-space: nowrap; }
.demo-res-call { font-size: 17px; color: var(--demo-muted); }
.demo-res-value { font-size: 24px; font-weight: 700; overflow: hidden; text-overflow: ellipsis; }
.demo-res-key { font-family: 'DejaVu Sans Mono', ui-monospace, monospace; font-size: 14px; color: var(--demo-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-res-ttl { font-size: 18px; font-weight: 700; color: var(--demo-done); }
.demo-res-bar { position: absolute; left: 0; bottom: 0; height: 4px; background: var(--demo-done); }
.demo-res-card[data-state="pending"] { border-color: var(--demo-line); border-style: dashed; }
.demo-res-card[data-state="pending"] .demo-res-ttl { color: var(--demo-muted); font-weight: 400; }
.demo-res-card[data-state="no-ttl"] { border-color: var(--demo-fg); }
.demo-res-card[data-state="no-ttl"] .demo-res-ttl { color: var(--demo-fg); }
.demo-res-card[data-state="expired"] { border-color: var(--demo-fail); border-style: dashed; opacity: 0.7; }
.demo-res-card[data-state="expired"] .demo-res-value { text-decoration: line-through; }
.demo-res-card[data-state="expired"] .demo-res-ttl { color: var(--demo-fail); }
.demo-res-note { font-size: 17px; line-height: 1.25; color: var(--demo-warn); }
.demo-res-note:empty { display: none; }
.demo-res-column[data-status="unavailable"] .demo-res-card { display: none; }
.demo-results .demo-caption { font-size: 17px; line-height: 1.25; color: var(--demo-muted); }
`;

