import type { ChainFramework } from '../../../../demo-server/src/protocol/demos/chaining.ts';
import { html, setAttr, setCodeText, setText } from '../../dom.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { chainLabels, type ChainingViewModel, type RowView, type StepView } from './model.ts';

export interface ChainingView {
  readonly runButton: HTMLButtonElement;
  readonly failButton: HTMLButtonElement;
  render(vm: ChainingViewModel): void;
}

/** One step's box: its name, how it went, and its value or error. */
function stepBox() {
  const name = html('span', { class: 'demo-chain-step-name' });
  const status = html('span', { class: 'demo-chain-step-status' });
  const detail = html('div', { class: 'demo-chain-step-detail' });
  const root = html('div', { class: 'demo-chain-step' }, html('div', { class: 'demo-chain-step-head' }, name, status), detail);
  function render(step: StepView): void {
    setAttr(root, 'data-state', step.state);
    setAttr(root, 'data-step', step.name);
    setText(name, step.name);
    setText(status, step.status);
    setText(detail, step.detail);
    setAttr(detail, 'title', step.detail);
  }
  return { root, render };
}

/** A framework's row: three step boxes joined by arrows, and what happened. */
function chainRow(framework: ChainFramework) {
  const steps = [stepBox(), stepBox(), stepBox()];
  const outcome = html('div', { class: 'demo-chain-outcome' });
  const { name, api } = chainLabels[framework];
  const root = html(
    'div',
    { class: 'demo-chain-row', 'data-framework': framework },
    html('div', { class: 'demo-chain-label' }, html('span', { class: 'demo-chain-name' }, name), html('span', { class: 'demo-chain-api demo-code' }, api)),
    html(
      'div',
      { class: 'demo-chain-steps' },
      ...steps.flatMap((step, i) => (i === 0 ? [step.root] : [html('span', { class: 'demo-chain-arrow', 'aria-hidden': 'true' }, '→'), step.root])),
    ),
    outcome,
  );
  function render(row: RowView): void {
    setAttr(root, 'data-status', row.status);
    row.steps.forEach((step, i) => steps[i]?.render(step));
    setCodeText(outcome, row.outcome);
  }
  return { root, render };
}

/** A row per framework in the frame's body; run and the failing-step toggle in its footer. */
export function createChainingView(frame: PanelFrame, frameworks: readonly ChainFramework[]): ChainingView {
  const rows = new Map(frameworks.map((framework) => [framework, chainRow(framework)]));
  frame.body.append(...[...rows.values()].map((row) => row.root));
  const runButton = frame.button('Run fetch → transform → store', 'Send the three-step chain to every framework');
  const failButton = frame.button('Make the middle step fail', 'The next run’s transform step raises, to show where each framework stops', { 'aria-pressed': 'false' });
  frame.controls.append(frame.group(undefined, runButton, failButton));

  return {
    runButton,
    failButton,
    render(vm) {
      frame.present(vm);
      for (const row of vm.rows) rows.get(row.framework)?.render(row);
      setAttr(failButton, 'aria-pressed', String(vm.failMiddle));
    },
  };
}
