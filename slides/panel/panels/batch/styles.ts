/** The batch panel: progress, each worker's share, and the jobs done per second. Slide-canvas px (1280x720). */
export const css = `
.demo-batch { gap: 8px; }
.demo-batch-progress { position: relative; height: 44px; border-radius: 10px; background: var(--demo-track); overflow: hidden; }
.demo-batch-fill { position: absolute; top: 0; left: 0; bottom: 0; width: 0; background: var(--demo-done); transition: width 0.2s linear; }
.demo-batch-progress-text {
  position: absolute; inset: 0; display: flex; align-items: center; padding: 0 16px; font-size: 26px; font-weight: 700;
  text-shadow: 0 0 6px #1f2a30, 0 0 3px #1f2a30;
}
.demo-batch-body { display: flex; gap: 26px; align-items: flex-start; }
.demo-batch-share { flex: 1 1 45%; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
.demo-batch-chart-box { flex: 1 1 55%; min-width: 0; display: flex; flex-direction: column; gap: 4px; }
.demo-batch-sub { color: var(--demo-muted); font-size: 17px; text-transform: uppercase; letter-spacing: 0.05em; }
.demo-batch-workers { display: flex; flex-direction: column; gap: 6px; min-height: 76px; }
.demo-batch-worker { display: grid; grid-template-columns: minmax(0, 190px) 1fr auto; align-items: center; gap: 10px; font-size: 20px; }
.demo-batch-worker-name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.demo-batch-bar { display: block; height: 16px; border-radius: 6px; background: #37474f; overflow: hidden; }
.demo-batch-bar-fill { display: block; height: 100%; width: 0; background: var(--demo-warn); }
.demo-batch-worker-done { font-size: 24px; font-weight: 700; min-width: 3ch; text-align: right; }
.demo-batch .demo-chart { height: 160px; }
.demo-batch-legend { display: flex; gap: 24px; font-size: 17px; color: var(--demo-muted); }
.demo-batch-key { display: flex; align-items: center; gap: 8px; }
.demo-batch-swatch { display: inline-block; width: 6px; height: 18px; }
.demo-batch-added { background: var(--demo-warn); }
.demo-batch-joined { background: var(--demo-fail); }
.demo-batch-rates { font-size: 26px; font-weight: 700; color: var(--demo-warn); min-height: 32px; }
.demo-batch-status { font-size: 20px; }
.demo-batch .demo-caption { color: var(--demo-fg); }
`;
