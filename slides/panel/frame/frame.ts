import type { ApiResult } from '../api.ts';
import type { Dispose } from '../context.ts';
import { html, setAttr, setCodeText, setFlag, setText } from '../dom.ts';
import { isolateFromDeck } from '../isolate.ts';
import type { Controls } from '../source.ts';

/** The frame's part of a panel's view model: the same fields in every panel. */
export interface FrameModel {
  readonly controls: Controls;
  /** The yellow banner over the header: the server is away. */
  readonly banner: string | undefined;
  /** Under the panel: what the numbers are, where they come from, how to go live. Backticks mark code. */
  readonly caption: string;
  /** Greyed: the numbers are the last ones seen, not current. */
  readonly dim?: boolean;
  /** What keeps the demo from running now, with the command that fixes it. Backticks mark code. */
  readonly problem?: string | undefined;
  /** The demo's own failure, on the message line until a command's answer takes its place. */
  readonly failure?: string | undefined;
}

export interface FrameOptions {
  /** The panel's name: `demo-<name>` on the root, where the panel's own styles hang. */
  readonly name: string;
  /** The header's title; a panel without one and with its buttons in the footer has no header. */
  readonly title?: string;
  /** Where the buttons sit: beside the title, or in the footer beside the message line. */
  readonly controlsAt: 'head' | 'foot';
}

/**
 * Every panel's chrome, built once here: the header (title, panel extras, buttons), the offline
 * banner, the panel's body, a problem line, the footer with the message line, and the caption. It
 * owns the panel's place on the slide: it takes `el`, keeps the panel's input from the deck, and
 * gives `el` back on dispose.
 */
export interface PanelFrame {
  readonly root: HTMLElement;
  /** The header row, for what a panel shows beside its title (the queue's health and figures). */
  readonly head: HTMLElement;
  /** The panel's content, between the header and the footer. */
  readonly body: HTMLElement;
  /** Where the panel's buttons go, in the header or the footer (see `controlsAt`). */
  readonly controls: HTMLElement;
  setTitle(text: string): void;
  /** A button for the controls; enabled only while the panel's controls are. */
  button(label: string, title?: string, attrs?: Readonly<Record<string, string>>): HTMLButtonElement;
  /** A group of buttons for the controls, with a label in front if given. */
  group(label: string | undefined, ...buttons: HTMLElement[]): HTMLElement;
  /**
   * Draws the frame from the view model. Every button in the panel is enabled exactly when the
   * controls are and `allowed` (if given) says yes for it; hidden controls hide every button.
   */
  present(vm: FrameModel, allowed?: (button: HTMLButtonElement) => boolean): void;
  /** Runs a command from a button: clears the message line, then shows the server's words if it refused. */
  act(command: () => Promise<ApiResult>): void;
  dispose: Dispose;
}

export function createFrame(el: HTMLElement, { name, title, controlsAt }: FrameOptions): PanelFrame {
  const banner = html('div', { class: 'demo-banner', role: 'status', hidden: true });
  const titleEl = html('span', { class: 'demo-title' }, title ?? '');
  const controls = html('div', { class: 'demo-controls' });
  const head = html('div', { class: 'demo-head' }, titleEl);
  const body = html('div', { class: 'demo-body' });
  const problem = html('div', { class: 'demo-problem', role: 'status' });
  const message = html('div', { class: 'demo-message', role: 'alert' });
  const foot = html('div', { class: 'demo-foot' }, message);
  const caption = html('div', { class: 'demo-caption' });
  if (controlsAt === 'head') head.append(controls);
  else foot.prepend(controls);
  const hasHead = title !== undefined || controlsAt === 'head';
  const root = html('div', { class: `demo-panel demo-${name}`, 'data-controls': 'hidden' }, banner, ...(hasHead ? [head] : []), body, problem, foot, caption);

  let commandMessage = '';
  let failure = '';
  const showMessage = (): void => {
    const text = commandMessage || failure;
    setText(message, text);
    // A footer with nothing in it takes no room.
    setFlag(foot, 'hidden', controlsAt === 'head' && text === '');
  };
  showMessage();

  const releaseDeck = isolateFromDeck(root);
  el.replaceChildren(root);

  return {
    root,
    head,
    body,
    controls,
    setTitle: (text) => setText(titleEl, text),
    button: (label, tip, attrs = {}) => html('button', { type: 'button', title: tip, ...attrs }, label),
    group: (label, ...buttons) =>
      html('div', { class: 'demo-group' }, ...(label === undefined ? [] : [html('span', { class: 'demo-group-label' }, label)]), ...buttons),
    present(vm, allowed) {
      setAttr(root, 'data-controls', vm.controls);
      for (const button of root.querySelectorAll('button')) setFlag(button, 'disabled', vm.controls !== 'enabled' || allowed?.(button) === false);
      root.classList.toggle('demo-dim', vm.dim ?? false);
      setFlag(banner, 'hidden', vm.banner === undefined);
      setText(banner, vm.banner ?? '');
      setCodeText(problem, vm.problem ?? '');
      setCodeText(caption, vm.caption);
      failure = vm.failure ?? '';
      showMessage();
    },
    act(command) {
      commandMessage = '';
      showMessage();
      void command().then((result) => {
        commandMessage = result.ok ? '' : result.message;
        showMessage();
      });
    },
    dispose() {
      releaseDeck();
      el.replaceChildren();
    },
  };
}
