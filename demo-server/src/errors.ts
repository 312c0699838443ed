import type { LaneName } from './protocol/index.ts';

/** The lane's broker cannot take jobs now; the edge answers 503 with the hint. */
export class LaneUnavailable extends Error {
  constructor(
    readonly lane: LaneName,
    readonly detail: string,
    readonly hint?: string,
  ) {
    super(`Lane ${lane} is down: ${detail}${hint ? `. ${hint}` : ''}`);
    this.name = 'LaneUnavailable';
  }
}

/** A demo cannot do what was asked right now (e.g. a run is already going); the edge answers 409. */
export class DemoCommandRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoCommandRefused';
  }
}

/** The lane holds as many waiting jobs as it may; the edge answers 429 with the limit. */
export class LaneFull extends Error {
  constructor(
    readonly lane: LaneName,
    readonly limit: number,
    readonly waiting: number,
  ) {
    super(`Lane ${lane} holds at most ${limit.toLocaleString('en')} waiting jobs and ${waiting.toLocaleString('en')} wait now: wait for them to finish, or reset.`);
    this.name = 'LaneFull';
  }
}
