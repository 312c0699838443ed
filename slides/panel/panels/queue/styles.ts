/** The queue panel: its lane's health and figures in the header, the producer -> queue -> consumer stage. */
export const css = `
.demo-queue .demo-head { align-items: baseline; }
/* The metrics never shrink; a long broker name gives way first, with an ellipsis. */
.demo-broker { flex: 0 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; color: var(--demo-muted); font-size: 20px; }
.demo-health { flex: none; font-size: 18px; font-weight: 700; padding: 2px 10px; border-radius: 999px; border: 2px solid currentColor; }
.demo-health[data-status="up"] { color: var(--demo-done); }
.demo-health[data-status="down"] { color: var(--demo-warn); }
.demo-health[data-status="unknown"] { display: none; }
.demo-metrics { flex: none; margin-left: auto; display: flex; gap: 26px; align-items: baseline; }
.demo-metric { display: flex; gap: 8px; align-items: baseline; }
.demo-metric-label { color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.06em; }
.demo-metric-value { font-size: 28px; font-weight: 700; }
.demo-dim .demo-metrics, .demo-dim .demo-stage { filter: grayscale(1); opacity: 0.45; }
/* The reason a lane is down stays readable over its greyed stage. */
.demo-dim .demo-body > .demo-stage-wrap { filter: none; opacity: 1; }
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
.demo-stacked { fill: #24323a; }
.demo-stacked[hidden] { display: none; }
.demo-producing { stroke: var(--demo-fg); stroke-width: 3; }
.demo-stage .demo-rate-on { fill: var(--demo-fg); font-size: 20px; font-weight: 700; }
.demo-overlay {
  position: absolute; inset: 10% 14%; display: flex; flex-direction: column; justify-content: center; gap: 8px;
  padding: 14px 22px; border: 2px solid var(--demo-warn); border-radius: 12px; background: rgba(20, 28, 32, 0.94);
  text-align: center;
}
.demo-overlay[hidden] { display: none; }
.demo-overlay-title { font-size: 28px; font-weight: 700; color: var(--demo-warn); }
.demo-overlay-detail, .demo-overlay-hint { font-size: 20px; }
.demo-queue .demo-foot { flex-wrap: wrap; row-gap: 8px; }
.demo-queue .demo-foot > .demo-controls { flex: 1 0 100%; flex-direction: column; align-items: stretch; gap: 8px; }
.demo-queue-row { display: flex; align-items: center; gap: 26px; }
.demo-queue .demo-caption { font-size: 21px; color: var(--demo-fg); }
`;
