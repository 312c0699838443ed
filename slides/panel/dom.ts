/** Attribute values; `false` and `undefined` leave the attribute out. */
type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;
type Child = Node | string;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Server text only ever enters the page through here, as text nodes: never as markup. */
function build<E extends Element>(el: E, attrs: Attrs, children: readonly Child[]): E {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), attrs, children);
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** The panel renders at frame rate; the DOM is written only when a value really changed. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Sets or removes a boolean attribute, touching the DOM only on a change. */
export function setFlag(el: Element, name: 'hidden' | 'disabled', on: boolean): void {
  if (el.hasAttribute(name) !== on) el.toggleAttribute(name, on);
}

/**
 * Backtick-quoted parts of a caption are set as code; all of it stays text. A span, not `<code>`:
 * the deck theme styles `section code` with a selector no panel class can outrank.
 */
export function captionNodes(caption: string): Node[] {
  return caption.split('`').map((part, i) => (i % 2 === 1 ? html('span', { class: 'demo-code' }, part) : document.createTextNode(part)));
}

const codeTexts = new WeakMap<Element, string>();

/** Sets a caption with code in it (see captionNodes), rebuilding the nodes only when the text changed. */
export function setCodeText(el: Element, text: string): void {
  if ((codeTexts.get(el) ?? '') === text) return;
  codeTexts.set(el, text);
  el.replaceChildren(...captionNodes(text));
}
