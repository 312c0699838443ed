/** The charts' box: what uPlot's own stylesheet would do, scoped, its canvases stacked in one box. A panel sets the height. */
export const css = `
.demo-chart { position: relative; overflow: hidden; min-width: 0; }
.demo-chart .uplot { position: absolute; top: 0; left: 0; transform-origin: 0 0; line-height: 1; }
.demo-chart .u-wrap { position: relative; }
.demo-chart .u-over, .demo-chart .u-under { position: absolute; }
.demo-chart .u-under { overflow: hidden; }
.demo-chart canvas { display: block; position: relative; width: 100%; height: 100%; }
.demo-chart .u-axis { position: absolute; }
`;
