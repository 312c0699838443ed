import { goalRatio, higherIsBetter, isMet, ratioOf, type Measurement } from './goals.ts';

const ROW_HEIGHT = 26;
const LABEL_WIDTH = 330;
const PLOT_WIDTH = 360;
const RIGHT_WIDTH = 150;
const TOP = 44;

/**
 * A bar per judged row: its ratio (lane / raw, or value / limit), with the goal as a tick.
 * Plain SVG, no dependency, readable in a README on a light or dark page.
 */
export function renderChart(measurements: readonly Measurement[], title: string): string {
  const rows = measurements
    .map((m) => ({ m, ratio: m.goal.kind === 'at-most' ? ratioOf(m.value, m.goal.limit) : ratioOf(m.value, m.raw), goal: goalRatio(m.goal, m.raw) }))
    .filter((row): row is { m: Measurement; ratio: number; goal: number } => row.ratio !== null && row.goal !== null);
  const max = Math.max(2, ...rows.map((row) => Math.max(row.ratio, row.goal) * 1.1));
  const x = (ratio: number) => LABEL_WIDTH + (Math.min(ratio, max) / max) * PLOT_WIDTH;
  const width = LABEL_WIDTH + PLOT_WIDTH + RIGHT_WIDTH;
  const height = TOP + rows.length * ROW_HEIGHT + 30;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Lato, Helvetica, Arial, sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold" fill="#1a1a1a">${escapeXml(title)}</text>`,
    `<text x="12" y="38" fill="#555">bar: lane / raw (frame: size / limit); tick: goal; green met, red missed</text>`,
  ];
  for (const tick of [0, 0.5, 1, 1.5, 2, 3, 4].filter((t) => t <= max)) {
    parts.push(
      `<line x1="${x(tick)}" y1="${TOP - 4}" x2="${x(tick)}" y2="${height - 26}" stroke="${tick === 1 ? '#888' : '#e2e2e2'}"/>`,
      `<text x="${x(tick)}" y="${height - 10}" text-anchor="middle" fill="#555">${tick}x</text>`,
    );
  }
  rows.forEach(({ m, ratio, goal }, i) => {
    const y = TOP + i * ROW_HEIGHT;
    const met = isMet(m.goal, m.value, m.raw);
    const colour = met === false ? '#c62828' : '#2e7d32';
    const goalText = `${higherIsBetter(m.goal) ? '>=' : m.goal.kind === 'ratio-below' ? '<' : '<='} ${goal.toFixed(2)}x`;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end" fill="#1a1a1a">${escapeXml(m.name)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 5}" width="${Math.max(1, x(ratio) - LABEL_WIDTH).toFixed(1)}" height="${ROW_HEIGHT - 10}" fill="${colour}"/>`,
      `<line x1="${x(goal)}" y1="${y + 1}" x2="${x(goal)}" y2="${y + ROW_HEIGHT - 1}" stroke="#1a1a1a" stroke-width="2"/>`,
      `<text x="${LABEL_WIDTH + PLOT_WIDTH + 8}" y="${y + 17}" fill="#1a1a1a">${escapeXml(`${ratio.toFixed(2)}x (goal ${goalText})`)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
