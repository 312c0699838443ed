import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fail, ok, warn, type Check, type CheckResult } from '../check.ts';

/** The system fonts the theme names (it loads none from the network), and the Debian package of each. */
export const deckFonts = [
  { family: 'Lato', pattern: 'Lato', fix: 'apt install fonts-lato' },
  { family: 'Noto Color Emoji', pattern: 'Noto Color Emoji', fix: 'apt install fonts-noto-color-emoji' },
  // The code slides are laid out for it: another monospace font may wrap their lines.
  { family: 'DejaVu Sans Mono', pattern: 'DejaVu Sans Mono', fix: 'apt install fonts-dejavu-core' },
] as const;

function fcList(pattern: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('fc-list', [pattern, 'family'], { timeout: 10_000 }, (error, stdout) => resolve(error ? null : stdout));
  });
}

export const fontsCheck: Check = {
  id: 'fonts',
  async run() {
    const found = await Promise.all(deckFonts.map(async (font) => ({ font, listed: await fcList(font.pattern) })));
    if (found.some(({ listed }) => listed === null)) {
      return warn('fonts', `fonts: fc-list is not on this machine, so ${deckFonts.map((font) => font.family).join(', ')} could not be looked for`, 'apt install fontconfig, or check by eye that the slides use Lato');
    }
    const missing = found.filter(({ listed }) => !listed?.trim()).map(({ font }) => font);
    if (missing.length === 0) return ok('fonts', `fonts: ${deckFonts.map((font) => font.family).join(', ')} installed`);
    return fail('fonts', `fonts: ${missing.map((font) => font.family).join(' and ')} missing: the slides fall back to another font`, missing.map((font) => font.fix).join(' && '));
  },
};

/** Where the exports look for Chromium (scripts/deck-build.mjs): CHROME_PATH, else Debian's. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const chromiumCheck: Check = {
  id: 'chromium',
  async run(): Promise<CheckResult> {
    const chosen = process.env.CHROME_PATH;
    if (chosen) {
      return executable(chosen)
        ? ok('chromium', `Chromium for exports: CHROME_PATH=${chosen}`)
        : fail('chromium', `Chromium for exports: CHROME_PATH=${chosen} is not an executable file`, 'CHROME_PATH=/path/to/chrome (or unset it to use /usr/bin/chromium)');
    }
    return executable(SYSTEM_CHROMIUM)
      ? ok('chromium', `Chromium for exports: ${SYSTEM_CHROMIUM}`)
      : fail('chromium', `Chromium for exports: no CHROME_PATH and no ${SYSTEM_CHROMIUM}: npm run export:pdf cannot run`, 'apt install chromium  (or CHROME_PATH=/path/to/chrome)');
  },
};
