export * from './jobs.ts';
export * from './messages.ts';
export * from './controls.ts';
export * from './demos/index.ts';
