import type { DemoServer } from '../../demo-server/src/server.ts';
import type { Recording } from '../../slides/panel/recording.ts';
import { demoCommand, demoStateWhen } from './demo-state-http.ts';
import { lanesWithWorkers } from './workers-up.ts';

/** The web-API slide: 20 signups at once through each variant on RabbitMQ, the picture the slide is about. */
export async function recordWebApi(server: DemoServer, log: (message: string) => void): Promise<Recording> {
  if ((await lanesWithWorkers(server, ['rabbitmq'])).length === 0) throw new Error('no RabbitMQ worker announced itself within 30 s');
  const round = String((await demoCommand(server, 'web-api', 'fire', { lane: 'rabbitmq', requests: 20 })).round);
  log('web-api: 20 signups at once, email in the background and in the request, on RabbitMQ');
  const state = await demoStateWhen(server, 'web-api', (s) => s?.round?.id === round && s.round?.done === true, 'the round to finish', 60_000);
  for (const variant of ['async', 'sync'] as const) {
    const answers = state!.round!.timelines.filter((t) => t.variant === variant).map((t) => (t.answeredMs ?? NaN) - t.sentMs);
    answers.sort((a, b) => a - b);
    log(`web-api: ${variant} answers p50 ${answers[9]} ms, slowest ${answers[19]} ms`);
  }
  return { panel: 'web-api', recordedAt: new Date().toISOString(), lanes: {}, demos: { 'web-api': state } };
}
