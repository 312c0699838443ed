import { html } from './dom.ts';

/** One row of a lane table: the figure it shows, and its label (with the unit). */
export interface LaneTableRow<R extends string> {
  readonly id: R;
  readonly label: string;
}

/** A lane's column: its header cell (empty, for the panel to fill) and a cell per row, each marked `data-lane` (and `data-row`). */
export interface LaneColumn<R extends string> {
  readonly header: HTMLElement;
  readonly cells: Readonly<Record<R, HTMLElement>>;
  /** Every element of the column, header first: to mark or grey it as a whole. */
  readonly all: readonly HTMLElement[];
}

export interface LaneTable<R extends string> {
  readonly root: HTMLElement;
  readonly columns: ReadonlyMap<string, LaneColumn<R>>;
}

/**
 * The lanes compared side by side (the race, the reliability round): a column per lane, a row per
 * figure, its label in front. The panel fills the headers with what names its lanes.
 */
export function createLaneTable<R extends string>(label: string, lanes: readonly string[], rows: readonly LaneTableRow<R>[]): LaneTable<R> {
  const cell = (role: string, cls: string, attrs: Record<string, string>, ...children: (Node | string)[]) => html('div', { role, class: cls, ...attrs }, ...children);
  const columns = new Map<string, LaneColumn<R>>();
  for (const lane of lanes) {
    const header = cell('columnheader', 'demo-table-head', { 'data-lane': lane });
    const cells = {} as Record<R, HTMLElement>;
    for (const { id } of rows) cells[id] = cell('cell', 'demo-table-cell', { 'data-lane': lane, 'data-row': id });
    columns.set(lane, { header, cells, all: [header, ...rows.map(({ id }) => cells[id])] });
  }
  const row = (...cells: HTMLElement[]) => html('div', { role: 'row', class: 'demo-table-row' }, ...cells);
  const root = html(
    'div',
    { role: 'table', class: 'demo-table', 'aria-label': label },
    row(cell('columnheader', 'demo-table-label', {}), ...[...columns.values()].map((c) => c.header)),
    ...rows.map(({ id, label: text }) => row(cell('rowheader', 'demo-table-label', {}, text), ...[...columns.values()].map((c) => c.cells[id]))),
  );
  root.style.gridTemplateColumns = `auto repeat(${lanes.length}, minmax(0, 1fr))`;
  return { root, columns };
}
