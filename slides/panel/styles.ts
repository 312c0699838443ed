const STYLE_ID = 'demo-panel-styles';

/**
 * The page's one way to add the panels' CSS: a single stylesheet, added once by the bundle (the deck
 * build carries a single script), made of the frame's, the charts' and every panel's own sheet.
 */
export function injectStyles(sheets: readonly string[], doc: Document = document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = sheets.join('\n');
  doc.head.append(style);
}
