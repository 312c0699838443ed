import type { ChainFramework } from '../../../../demo-server/src/protocol/demos/chaining.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { html, setAttr, setFlag, setText } from '../../dom.ts';
import { chainLabels, type RowView } from './model.ts';

interface StepNodes {
  box: HTMLElement;
  name: HTMLElement;
  status: HTMLElement;
  detail: HTMLElement;
}

interface RowNodes {
  row: HTMLElement;
  steps: StepNodes[];
  outcome: HTMLElement;
  lastOutcome: string;
}

export interface ChainingView {
  readonly root: HTMLElement;
  readonly runButton: HTMLButtonElement;
  readonly failButton: HTMLButtonElement;
  render(rows: readonly RowView[], failMiddle: boolean, controls: 'enabled' | 'disabled' | 'hidden', caption: string, banner: string | undefined): void;
  setMessage(text: string): void;
}

function stepNodes(): StepNodes {
  const name = html('span', { class: 'demo-chain-step-name' });
  const status = html('span', { class: 'demo-chain-step-status' });
  const detail = html('div', { class: 'demo-chain-step-detail' });
  const box = html('div', { class: 'demo-chain-step' }, html('div', { class: 'demo-chain-step-head' }, name, status), detail);
  return { box, name, status, detail };
}

export function createChainingView(frameworks: readonly ChainFramework[]): ChainingView {
  const rows = new Map<ChainFramework, RowNodes>();
  const rowEls = frameworks.map((framework) => {
    const steps = [stepNodes(), stepNodes(), stepNodes()];
    const outcome = html('div', { class: 'demo-chain-outcome' });
    const { name, api } = chainLabels[framework];
    const row = html(
      'div',
      { class: 'demo-chain-row', 'data-framework': framework },
      html('div', { class: 'demo-chain-label' }, html('span', { class: 'demo-chain-name' }, name), html('span', { class: 'demo-chain-api demo-code' }, api)),
      html(
        'div',
        { class: 'demo-chain-steps' },
        ...steps.flatMap((step, i) => (i === 0 ? [step.box] : [html('span', { class: 'demo-chain-arrow', 'aria-hidden': 'true' }, '→'), step.box])),
      ),
      outcome,
    );
    rows.set(framework, { row, steps, outcome, lastOutcome: '' });
    return row;
  });

  const failButton = html('button', { type: 'button', 'aria-pressed': 'false' }, 'Make the middle step fail');
  const runButton = html('button', { type: 'button' }, 'Run fetch → transform → store');
  const message = html('span', { class: 'demo-message', role: 'status' });
  const foot = html('div', { class: 'demo-foot' }, html('div', { class: 'demo-group' }, runButton, failButton), message);
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', hidden: true });
  const root = html('div', { class: 'demo-panel demo-chaining' }, banner, html('div', { class: 'demo-chain-rows' }, ...rowEls), foot, caption);
  let lastCaption: string | undefined;

  return {
    root,
    runButton,
    failButton,
    render(views, failMiddle, controls, captionText, bannerText) {
      for (const view of views) {
        const nodes = rows.get(view.framework);
        if (!nodes) continue;
        setAttr(nodes.row, 'data-status', view.status);
        view.steps.forEach((step, i) => {
          const box = nodes.steps[i];
          if (!box) return;
          setAttr(box.box, 'data-state', step.state);
          setAttr(box.box, 'data-step', step.name);
          setText(box.name, step.name);
          setText(box.status, step.status);
          setText(box.detail, step.detail);
          setAttr(box.detail, 'title', step.detail);
        });
        if (nodes.lastOutcome !== view.outcome) {
          nodes.lastOutcome = view.outcome;
          nodes.outcome.replaceChildren(...captionNodes(view.outcome));
        }
      }
      setAttr(failButton, 'aria-pressed', String(failMiddle));
      setAttr(foot, 'data-controls', controls);
      setFlag(runButton, 'disabled', controls !== 'enabled');
      setFlag(failButton, 'disabled', controls !== 'enabled');
      if (captionText !== lastCaption) {
        lastCaption = captionText;
        caption.replaceChildren(...captionNodes(captionText));
      }
      setFlag(banner, 'hidden', bannerText === undefined);
      setText(banner, bannerText ?? '');
    },
    setMessage(text) {
      setText(message, text);
    },
  };
}
