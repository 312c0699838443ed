/**
 * Marp's bespoke turns slides on keys, wheel, clicks and swipes it hears on the document or the deck.
 * Inside a panel those belong to the panel, so they stop at its edge.
 */
const contained = ['keydown', 'keyup', 'wheel', 'pointerdown', 'touchstart', 'touchmove', 'touchend', 'click'] as const;

const stop = (event: Event): void => event.stopPropagation();

/**
 * Keeps the panel's input away from the deck, and gives the keyboard back to the deck afterwards:
 * a speaker's clicker sends PageDown, which a focused panel button would swallow.
 */
export function isolateFromDeck(root: HTMLElement): () => void {
  const releaseFocus = (): void => {
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && root.contains(focused)) focused.blur();
  };
  // A mouse or touch click (detail > 0) needs no focus left behind; a keyboard click (detail 0) keeps it.
  const afterClick = (event: MouseEvent): void => {
    if (event.detail > 0) releaseFocus();
  };

  for (const type of contained) root.addEventListener(type, stop, { passive: true });
  root.addEventListener('pointerleave', releaseFocus);
  root.addEventListener('click', afterClick);
  return () => {
    for (const type of contained) root.removeEventListener(type, stop);
    root.removeEventListener('pointerleave', releaseFocus);
    root.removeEventListener('click', afterClick);
  };
}
