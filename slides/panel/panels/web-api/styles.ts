/** The web-API panel's CSS, joined to the panels' stylesheet in styles.ts. Slide-canvas px (1280x720). */
export const webApiCss = `
.demo-webapi { gap: 6px; }
.demo-webapi .demo-head { align-items: center; }
.demo-webapi-controls { margin-left: auto; display: flex; gap: 22px; }
.demo-webapi-controls[data-controls="hidden"] { display: none; }
.demo-webapi-controls button { min-height: 40px; padding: 2px 14px; }
.demo-webapi-headline { font-size: 19px; color: var(--demo-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-webapi-section { display: flex; flex-direction: column; gap: 3px; }
.demo-webapi-line { display: flex; align-items: baseline; gap: 16px; white-space: nowrap; }
.demo-webapi-title { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; font-size: 22px; font-weight: 700; }
.demo-webapi-summary { flex: none; font-size: 26px; font-weight: 700; color: var(--demo-warn); }
.demo-webapi-chart { display: block; width: 100%; height: 118px; }
.demo-webapi-track { fill: #263238; }
.demo-webapi-req { fill: var(--demo-warn); }
.demo-webapi-job { fill: var(--demo-done); }
.demo-webapi-pending { opacity: 0.55; }
.demo-webapi-error { fill: var(--demo-fail); fill-opacity: 0.25; }
.demo-webapi-axis { position: relative; height: 26px; border-top: 2px solid var(--demo-line); font-size: 17px; color: var(--demo-muted); }
.demo-webapi-tick { position: absolute; top: 2px; transform: translateX(-50%); white-space: nowrap; }
.demo-webapi-tick[data-align="start"] { transform: none; }
.demo-webapi-tick[data-align="end"] { transform: translateX(-100%); }
.demo-webapi-legend { display: flex; gap: 28px; font-size: 18px; color: var(--demo-muted); }
.demo-webapi-key { display: flex; align-items: center; gap: 8px; }
.demo-webapi-swatch { display: inline-block; width: 34px; height: 12px; border-radius: 3px; }
.demo-webapi-swatch.demo-webapi-req { background: var(--demo-warn); }
.demo-webapi-swatch.demo-webapi-job { background: var(--demo-done); }
.demo-webapi .demo-message:empty { display: none; }
/* Shared with the batch panel: the chosen lane's problem and its fix. */
.demo-lane-problem { font-size: 19px; line-height: 1.25; color: var(--demo-warn); }
.demo-lane-problem::before { content: "▲ "; }
.demo-lane-problem:empty { display: none; }
.demo-webapi .demo-caption { font-size: 18px; line-height: 1.3; }
`;
