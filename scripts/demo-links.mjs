// A markdown-it plugin: a link to `#demo:<name>` becomes a link to the slide that holds the panel
// `<div data-demo="<name>">`, as the deck's `#N` page hash counts (1-based). `#demo:<name>/<lane>`
// picks the first such panel that shows that lane (in `data-lane` or `data-lanes`): the deck has
// two races, of the brokers and of the frameworks. The comparison tables and the outline link to
// their demos this way, and the links stay right when slides move. A link no slide answers stops
// the build, naming the demos there are.
const DEMO_LINK = /^#demo:([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/;
const DEMO_PANEL = /<div\b[^>]*\bdata-demo="([a-z0-9-]+)"[^>]*>/g;
const PANEL_LANES = /\bdata-lanes?="([a-z0-9,\s-]*)"/;

const describe = (panel) => (panel.lanes.length > 0 ? `${panel.name}/${panel.lanes.join(',')}` : panel.name);

export function demoLinks(md) {
  md.core.ruler.push('deck_demo_links', (state) => {
    const panels = [];
    let slide = 0;
    const links = [];
    const visit = (tokens) => {
      for (const token of tokens) {
        if (token.type === 'marpit_slide_open') slide += 1;
        if (token.type === 'html_block' || token.type === 'html_inline') {
          for (const [div, name] of token.content.matchAll(DEMO_PANEL)) {
            const lanes = (PANEL_LANES.exec(div)?.[1] ?? '').split(',').map((lane) => lane.trim()).filter(Boolean);
            panels.push({ name, lanes, slide });
          }
        }
        if (token.type === 'link_open' && DEMO_LINK.test(token.attrGet('href') ?? '')) links.push(token);
        if (token.children) visit(token.children);
      }
    };
    visit(state.tokens);
    for (const token of links) {
      const [, name, lane] = DEMO_LINK.exec(token.attrGet('href'));
      const target = panels.find((panel) => panel.name === name && (lane === undefined || panel.lanes.includes(lane)));
      if (target === undefined) {
        const wanted = lane === undefined ? `<div data-demo="${name}">` : `<div data-demo="${name}"> showing lane ${lane}`;
        const known = [...new Set(panels.map(describe))].join('; ') || 'none';
        throw new Error(`Link to #demo:${name}${lane ? `/${lane}` : ''}, but no slide holds ${wanted}. Demos on slides: ${known}.`);
      }
      token.attrSet('href', `#${target.slide}`);
    }
  });
}
