// A markdown-it plugin: a link to `#demo:<name>` becomes a link to the slide that holds the panel
// `<div data-demo="<name>">`, as the deck's `#N` page hash counts (1-based). The comparison tables
// link each row to its live demo this way, and the links stay right when slides move. A link to a
// demo no slide holds stops the build, naming it.
const DEMO_LINK = /^#demo:([a-z0-9-]+)$/;
const DEMO_PANEL = /data-demo="([a-z0-9-]+)"/g;

export function demoLinks(md) {
  md.core.ruler.push('deck_demo_links', (state) => {
    const slideOf = new Map();
    let slide = 0;
    const links = [];
    const visit = (tokens) => {
      for (const token of tokens) {
        if (token.type === 'marpit_slide_open') slide += 1;
        if (token.type === 'html_block' || token.type === 'html_inline') {
          for (const [, name] of token.content.matchAll(DEMO_PANEL)) if (!slideOf.has(name)) slideOf.set(name, slide);
        }
        if (token.type === 'link_open' && DEMO_LINK.test(token.attrGet('href') ?? '')) links.push(token);
        if (token.children) visit(token.children);
      }
    };
    visit(state.tokens);
    for (const token of links) {
      const name = DEMO_LINK.exec(token.attrGet('href'))[1];
      const target = slideOf.get(name);
      if (target === undefined) {
        const known = [...slideOf.keys()].join(', ') || 'none';
        throw new Error(`Link to #demo:${name}, but no slide holds <div data-demo="${name}">. Demos on slides: ${known}.`);
      }
      token.attrSet('href', `#${target}`);
    }
  });
}
