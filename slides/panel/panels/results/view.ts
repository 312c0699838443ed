import type { ResultFramework } from '../../../../demo-server/src/protocol/demos/results.ts';
import { MAX_RESULTS } from '../../../../demo-server/src/protocol/demos/results.ts';
import { captionNodes } from '../../caption-nodes.ts';
import { html, setAttr, setFlag, setText } from '../../dom.ts';
import { resultLabels, type ResultsColumnView } from './model.ts';

interface CardNodes {
  card: HTMLElement;
  call: HTMLElement;
  value: HTMLElement;
  ttl: HTMLElement;
  key: HTMLElement;
  bar: HTMLElement;
}

interface ColumnNodes {
  column: HTMLElement;
  expiry: HTMLElement;
  cards: CardNodes[];
  note: HTMLElement;
  lastNote: string;
}

export interface ResultsView {
  readonly root: HTMLElement;
  readonly enqueueButton: HTMLButtonElement;
  render(columns: readonly ResultsColumnView[], controls: 'enabled' | 'disabled' | 'hidden', caption: string, banner: string | undefined): void;
  setMessage(text: string): void;
}

function cardNodes(): CardNodes {
  const call = html('span', { class: 'demo-res-call' });
  const value = html('span', { class: 'demo-res-value' });
  const ttl = html('span', { class: 'demo-res-ttl' });
  const key = html('div', { class: 'demo-res-key' });
  const bar = html('span', { class: 'demo-res-bar' });
  const card = html(
    'div',
    { class: 'demo-res-card', hidden: true },
    html('div', { class: 'demo-res-line' }, value, ttl),
    html('div', { class: 'demo-res-line' }, call),
    key,
    bar,
  );
  return { card, call, value, ttl, key, bar };
}

export function createResultsView(frameworks: readonly ResultFramework[]): ResultsView {
  const columns = new Map<ResultFramework, ColumnNodes>();
  const columnEls = frameworks.map((framework) => {
    const expiry = html('span', { class: 'demo-res-expiry demo-code' });
    const cards = Array.from({ length: MAX_RESULTS }, cardNodes);
    const note = html('div', { class: 'demo-res-note' });
    const { name, store } = resultLabels[framework];
    const column = html(
      'div',
      { class: 'demo-res-column', 'data-framework': framework },
      html('div', { class: 'demo-res-head' }, html('span', { class: 'demo-res-name' }, name), html('span', { class: 'demo-res-store' }, store), expiry),
      // The note takes the cards' place, so a column that cannot run makes the panel no taller.
      html('div', { class: 'demo-res-cards' }, note, ...cards.map((c) => c.card)),
    );
    columns.set(framework, { column, expiry, cards, note, lastNote: '' });
    return column;
  });

  const enqueueButton = html('button', { type: 'button' }, 'Run cpu(n) on each');
  const message = html('span', { class: 'demo-message', role: 'status' });
  const foot = html('div', { class: 'demo-foot' }, html('div', { class: 'demo-group' }, enqueueButton), message);
  const caption = html('div', { class: 'demo-caption' });
  const banner = html('div', { class: 'demo-banner', hidden: true });
  const root = html('div', { class: 'demo-panel demo-results' }, banner, html('div', { class: 'demo-res-columns' }, ...columnEls), foot, caption);
  let lastCaption: string | undefined;

  return {
    root,
    enqueueButton,
    render(views, controls, captionText, bannerText) {
      for (const view of views) {
        const nodes = columns.get(view.framework);
        if (!nodes) continue;
        setAttr(nodes.column, 'data-status', view.status);
        setText(nodes.expiry, view.expiry);
        nodes.cards.forEach((cardNode, i) => {
          const card = view.cards[i];
          setFlag(cardNode.card, 'hidden', card === undefined);
          if (!card) return;
          setAttr(cardNode.card, 'data-state', card.state);
          setAttr(cardNode.card, 'data-id', card.id);
          setText(cardNode.call, card.call);
          setText(cardNode.value, card.value);
          setText(cardNode.ttl, card.ttl);
          setText(cardNode.key, card.key);
          setAttr(cardNode.key, 'title', card.key);
          cardNode.bar.style.width = card.left === undefined ? '0' : `${(card.left * 100).toFixed(1)}%`;
        });
        if (view.note !== nodes.lastNote) {
          nodes.lastNote = view.note;
          nodes.note.replaceChildren(...captionNodes(view.note));
        }
      }
      setAttr(foot, 'data-controls', controls);
      setFlag(enqueueButton, 'disabled', controls !== 'enabled');
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
