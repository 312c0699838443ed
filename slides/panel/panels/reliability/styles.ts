/** The reliability panel's CSS, injected once beside the shared panel styles. Sizes are slide px (1280x720). */
const css = `
.demo-rel { gap: 4px; padding-top: 8px; padding-bottom: 8px; }
.demo-rel .demo-head { align-items: center; flex-wrap: wrap; row-gap: 6px; }
.demo-rel-controls { margin-left: auto; }
.demo-rel-controls[data-shown="false"] { display: none; }
.demo-rel-controls button { min-height: 40px; padding: 2px 12px; font-size: 19px; }
.demo-rel-kill:not(:disabled) { border-color: var(--demo-fail); color: var(--demo-fail); }
.demo-rel-table { display: grid; align-items: stretch; }
.demo-rel-row { display: contents; }
.demo-rel-label, .demo-rel-cell { padding: 0 10px; border-top: 1px solid rgba(120, 144, 156, 0.35); white-space: nowrap; }
.demo-rel-label, .demo-rel-cell { display: flex; align-items: center; }
.demo-rel-cell { justify-content: flex-end; }
.demo-rel-label { padding-left: 0; color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.05em; }
.demo-rel-cell { overflow: hidden; text-overflow: ellipsis; text-align: right; font-size: 24px; font-weight: 700; }
.demo-rel-cell[data-row="worker"] { font-size: 16px; font-weight: 400; color: var(--demo-muted); }
.demo-rel-head { display: flex; flex-direction: column; align-items: flex-end; gap: 1px; padding: 0 10px 3px; min-width: 0; }
.demo-rel-name { font-size: 20px; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
.demo-rel-acks { font-size: 15px; font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 100%; }
.demo-rel-acks[data-acks="early"] { color: var(--demo-fail); }
.demo-rel-acks[data-acks="late"] { color: var(--demo-done); }
.demo-rel-cell[data-row="lost"][data-bad="true"] { color: var(--demo-fail); }
.demo-rel-cell[data-row="lost"][data-bad="false"] { color: var(--demo-done); }
.demo-rel-out { opacity: 0.4; filter: grayscale(1); }
.demo-rel-hints:empty { display: none; }
.demo-rel-hint { font-size: 18px; line-height: 1.3; }
.demo-rel-hint-title { margin-right: 10px; color: var(--demo-warn); font-weight: 700; }
.demo-rel-hint-title::before { content: "▲ "; }
.demo-rel-status { min-height: 28px; font-size: 21px; font-weight: 700; }
.demo-rel-status[data-phase="settled"] { color: var(--demo-warn); }
.demo-rel-previous { font-size: 18px; color: var(--demo-muted); }
.demo-rel-previous:empty { display: none; }
.demo-rel .demo-message:empty { display: none; }
.demo-rel .demo-caption { font-size: 16px; line-height: 1.3; color: var(--demo-muted); }
`;

const STYLE_ID = 'demo-reliability-styles';

export function injectReliabilityStyles(doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = css;
  doc.head.append(style);
}
