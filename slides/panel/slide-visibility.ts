/** Marp's bespoke template marks every slide with the first class and the one on screen with the second. */
const SLIDE_CLASS = 'bespoke-marp-slide';
const ACTIVE_CLASS = 'bespoke-marp-active';

export interface SlideVisibility {
  readonly visible: boolean;
  onChange(listener: (visible: boolean) => void): () => void;
}

/**
 * A slide not (yet) managed by bespoke counts as visible: a plain HTML page, Marp's PDF/PPTX renderer,
 * or the moment before bespoke starts. Once bespoke marks it, only the active slide is.
 */
export function isSlideVisible(classes: Pick<DOMTokenList, 'contains'>): boolean {
  return !classes.contains(SLIDE_CLASS) || classes.contains(ACTIVE_CLASS);
}

/**
 * Watches the slide holding `el`. In bespoke the slide element is the `svg[data-marpit-svg]` wrapping
 * the `section`; elsewhere the `section` itself. The observer looks at one attribute of one element,
 * so it costs nothing between slide changes.
 */
export function watchSlide(el: Element): SlideVisibility & { dispose(): void } {
  const slide = el.closest('svg[data-marpit-svg]') ?? el.closest('section');
  const listeners = new Set<(visible: boolean) => void>();
  let visible = slide ? isSlideVisible(slide.classList) : true;

  const observer = new MutationObserver(() => {
    if (!slide) return;
    const now = isSlideVisible(slide.classList);
    if (now === visible) return;
    visible = now;
    for (const listener of listeners) listener(visible);
  });
  if (slide) observer.observe(slide, { attributes: true, attributeFilter: ['class'] });

  return {
    get visible() {
      return visible;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      observer.disconnect();
      listeners.clear();
    },
  };
}
