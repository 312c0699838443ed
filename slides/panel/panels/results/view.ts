import type { ResultFramework } from '../../../../demo-server/src/protocol/demos/results.ts';
import { MAX_RESULTS } from '../../../../demo-server/src/protocol/demos/results.ts';
import { html, setAttr, setCodeText, setFlag, setText } from '../../dom.ts';
import type { PanelFrame } from '../../frame/frame.ts';
import { resultLabels, type ResultCard, type ResultsColumnView, type ResultsViewModel } from './model.ts';

export interface ResultsView {
  readonly enqueueButton: HTMLButtonElement;
  render(vm: ResultsViewModel): void;
}

/** A result's card: its value and TTL, the call, the key, and a bar of the time it has left. */
function resultCard() {
  const call = html('span', { class: 'demo-res-call' });
  const value = html('span', { class: 'demo-res-value' });
  const ttl = html('span', { class: 'demo-res-ttl' });
  const key = html('div', { class: 'demo-res-key' });
  const bar = html('span', { class: 'demo-res-bar' });
  const root = html(
    'div',
    { class: 'demo-res-card', hidden: true },
    html('div', { class: 'demo-res-line' }, value, ttl),
    html('div', { class: 'demo-res-line' }, call),
    key,
    bar,
  );
  function render(card: ResultCard | undefined): void {
    setFlag(root, 'hidden', card === undefined);
    if (!card) return;
    setAttr(root, 'data-state', card.state);
    setAttr(root, 'data-id', card.id);
    setText(call, card.call);
    setText(value, card.value);
    setText(ttl, card.ttl);
    setText(key, card.key);
    setAttr(key, 'title', card.key);
    bar.style.width = card.left === undefined ? '0' : `${(card.left * 100).toFixed(1)}%`;
  }
  return { root, render };
}

/** A framework's column: where it keeps results, and a card per result, newest first. */
function resultColumn(framework: ResultFramework) {
  const expiry = html('span', { class: 'demo-res-expiry demo-code' });
  const cards = Array.from({ length: MAX_RESULTS }, resultCard);
  const note = html('div', { class: 'demo-res-note' });
  const { name, store } = resultLabels[framework];
  const root = html(
    'div',
    { class: 'demo-res-column', 'data-framework': framework },
    html('div', { class: 'demo-res-head' }, html('span', { class: 'demo-res-name' }, name), html('span', { class: 'demo-res-store' }, store), expiry),
    // The note takes the cards' place, so a column that cannot run makes the panel no taller.
    html('div', { class: 'demo-res-cards' }, note, ...cards.map((c) => c.root)),
  );
  function render(column: ResultsColumnView): void {
    setAttr(root, 'data-status', column.status);
    setText(expiry, column.expiry);
    cards.forEach((card, i) => card.render(column.cards[i]));
    setCodeText(note, column.note);
  }
  return { root, render };
}

/** A column per framework in the frame's body; the button that sends a task to each in its footer. */
export function createResultsView(frame: PanelFrame, frameworks: readonly ResultFramework[]): ResultsView {
  const columns = new Map(frameworks.map((framework) => [framework, resultColumn(framework)]));
  frame.body.append(html('div', { class: 'demo-res-columns' }, ...[...columns.values()].map((column) => column.root)));
  const enqueueButton = frame.button('Run cpu(n) on each', 'Send one cpu(n) task to each framework and read its result back');
  frame.controls.append(frame.group(undefined, enqueueButton));

  return {
    enqueueButton,
    render(vm) {
      frame.present(vm);
      for (const column of vm.columns) columns.get(column.framework)?.render(column);
    },
  };
}
