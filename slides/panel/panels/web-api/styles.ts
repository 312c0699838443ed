/** The web-API panel: the two variants' requests drawn to scale, one above the other. Slide-canvas px (1280x720). */
export const css = `
.demo-webapi { gap: 6px; }
.demo-webapi-headline { font-size: 19px; color: var(--demo-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-webapi-section { display: flex; flex-direction: column; gap: 3px; }
.demo-webapi-line { display: flex; align-items: baseline; gap: 16px; white-space: nowrap; }
.demo-webapi-title { flex: 1 1 auto; min-width: 0; overflow: hidden; text-overflow: ellipsis; font-size: 22px; font-weight: 700; }
.demo-webapi-summary { flex: none; font-size: 26px; font-weight: 700; color: var(--demo-warn); }
.demo-webapi-section[data-variant="async"] .demo-chart { height: 118px; }
.demo-webapi-section[data-variant="sync"] .demo-chart { height: 148px; }
.demo-webapi-legend { display: flex; gap: 28px; font-size: 18px; color: var(--demo-muted); }
.demo-webapi-key { display: flex; align-items: center; gap: 8px; }
.demo-webapi-swatch { display: inline-block; width: 34px; height: 12px; border-radius: 3px; }
.demo-webapi-req { background: var(--demo-warn); }
.demo-webapi-job { background: var(--demo-done); }
.demo-webapi .demo-caption { color: var(--demo-fg); }
`;
