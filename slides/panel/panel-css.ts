/** Adds a panel's own stylesheet to the page once, beside the shared one (styles.ts). */
export function injectPanelCss(id: string, css: string, doc: Document = document): void {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = css;
  doc.head.append(style);
}
