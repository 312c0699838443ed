import type { LaneName } from '../../../demo-server/src/protocol/index.ts';
import type { SeriesStyle } from './chart.ts';

/**
 * One look per lane wherever lanes are compared. Hues from the Okabe–Ito palette (told apart with
 * any colour vision), lightened where the original is too dark for a dark card on a washed-out
 * projector; and a dash pattern each, so the lines differ even in greyscale.
 */
const laneLooks: Record<LaneName, Omit<SeriesStyle, 'label'>> = {
  memory: { color: '#e69f00', dash: [] },
  bullmq: { color: '#56b4e9', dash: [14, 7] },
  rabbitmq: { color: '#33cc99', dash: [3, 6] },
  celery: { color: '#e08ac0', dash: [18, 6, 3, 6] },
  dramatiq: { color: '#f0e442', dash: [28, 8] },
};

export function laneStyle(name: LaneName, label: string = name): SeriesStyle {
  return { label, ...laneLooks[name] };
}
