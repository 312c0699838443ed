import { html } from './dom.ts';

/**
 * Backtick-quoted parts of a caption are set as code; all of it stays text. A span, not `<code>`:
 * the deck theme styles `section code` with a selector no panel class can outrank.
 */
export function captionNodes(caption: string): Node[] {
  return caption.split('`').map((part, i) => (i % 2 === 1 ? html('span', { class: 'demo-code' }, part) : document.createTextNode(part)));
}
