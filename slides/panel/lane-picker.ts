import type { LaneName } from '../../demo-server/src/protocol/index.ts';
import { setAttr } from './dom.ts';
import type { PanelFrame } from './frame/frame.ts';

/** How a button names a lane: its framework or broker, as the audience knows it. */
const labels: Readonly<Record<LaneName, string>> = { memory: 'In-memory', bullmq: 'BullMQ', rabbitmq: 'RabbitMQ', celery: 'Celery', dramatiq: 'Dramatiq' };

export const laneLabel = (lane: LaneName): string => labels[lane];

/** The lanes a demo can run on, and what a button's tooltip says. */
export interface LanePickerOptions<L extends LaneName> {
  readonly lanes: readonly [L, ...L[]];
  /** The slide's `data-lane`; a name not among `lanes` picks the first. */
  readonly initial: string | undefined;
  readonly tip: (label: string) => string;
}

/**
 * The lane a demo runs on next (batch, web API): a labelled group of buttons for the panel's
 * controls, starting from the slide's `data-lane`.
 */
export interface LanePicker<L extends LaneName> {
  readonly group: HTMLElement;
  /** The lane picked for the next round. */
  readonly lane: L;
  /** Presses the lane in use: the running round's, else the picked one. */
  show(running: L | undefined): void;
  /** Called after each pick, to draw it. */
  onPick(listener: () => void): void;
}

export function createLanePicker<L extends LaneName>(frame: PanelFrame, { lanes, initial, tip }: LanePickerOptions<L>): LanePicker<L> {
  let lane = lanes.find((name) => name === initial) ?? lanes[0];
  let picked = (): void => {};
  const buttons = new Map(lanes.map((name) => [name, frame.button(labels[name], tip(labels[name]))]));
  for (const [name, button] of buttons) {
    button.addEventListener('click', () => {
      lane = name;
      picked();
    });
  }
  return {
    group: frame.group('lane', ...buttons.values()),
    get lane() {
      return lane;
    },
    show(running) {
      for (const [name, button] of buttons) setAttr(button, 'aria-pressed', String(name === (running ?? lane)));
    },
    onPick(listener) {
      picked = listener;
    },
  };
}
