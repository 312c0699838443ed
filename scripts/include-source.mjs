// A markdown-it plugin: a line `<!-- include: path/to/file.py -->` becomes a code block of that
// file, read at build time, so code shown on a slide is the code that runs and is never pasted
// twice. Paths resolve against `baseDir()` (the deck's folder). As an HTML comment, the line
// renders as nothing in any other Markdown viewer.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const INCLUDE = /^<!--\s*include:\s*(\S+)\s*-->\s*$/;
const LANGUAGES = { '.py': 'python', '.ts': 'typescript', '.mjs': 'javascript', '.js': 'javascript', '.sh': 'bash' };

export function includeSource(md, { baseDir }) {
  // Before Marpit's own comment rule, which would otherwise take the line as a presenter note.
  md.block.ruler.before('marpit_comment', 'deck_include_source', (state, startLine, _endLine, silent) => {
    const start = state.bMarks[startLine] + state.tShift[startLine];
    const match = INCLUDE.exec(state.src.slice(start, state.eMarks[startLine]));
    if (!match) return false;
    if (silent) return true;

    const file = path.resolve(baseDir(), match[1]);
    if (!existsSync(file)) throw new Error(`include: ${match[1]} does not exist (looked for ${file})`);
    const token = state.push('deck_included_source', 'pre', 0);
    token.info = LANGUAGES[path.extname(file)] ?? '';
    token.content = readFileSync(file, 'utf8');
    token.map = [startLine, startLine + 1];
    state.line = startLine + 1;
    return true;
  });

  // Its own element rather than a fence: Marp would shrink a fence to fit, and a whole module is
  // laid out by the slide's class instead (see section.code in the theme).
  md.renderer.rules.deck_included_source = (tokens, idx) => {
    const { info, content } = tokens[idx];
    const language = info ? ` class="language-${info}"` : '';
    return `<pre class="included-source"><code${language}>${md.utils.escapeHtml(content)}</code></pre>\n`;
  };
}
