import { Router } from 'express';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { LaneHub } from '../monitor/lane-hub.ts';

/** `/metrics` for Prometheus: each lane's counters as the panels show them, read at scrape time. */
export function metricsRoute(hub: LaneHub, clientCount: () => number): Router {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'demo_process_' });
  const lanes = () => hub.lanes().map((lane) => ({ lane, monitor: hub.monitor(lane.name)! }));

  new Gauge({
    name: 'demo_lane_up',
    help: '1 when the lane can take jobs, 0 when its broker is down',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      for (const { lane } of lanes()) this.set({ lane: lane.name }, lane.health().status === 'up' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'demo_lane_jobs',
    help: 'Jobs per state since start or the last reset, counted from worker events',
    labelNames: ['lane', 'state'],
    registers: [registry],
    collect() {
      for (const { lane, monitor } of lanes()) {
        for (const [state, n] of Object.entries(monitor.currentStats())) this.set({ lane: lane.name, state }, n);
      }
    },
  });
  new Gauge({
    name: 'demo_lane_throughput_jobs_per_second',
    help: 'Completions per second over the last second',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      for (const { lane, monitor } of lanes()) this.set({ lane: lane.name }, monitor.throughput());
    },
  });
  new Gauge({
    name: 'demo_lane_latency_ms',
    help: 'Enqueue-to-completion latency over recent jobs',
    labelNames: ['lane', 'quantile'],
    registers: [registry],
    collect() {
      for (const { lane, monitor } of lanes()) {
        const { p50, p99 } = monitor.latency();
        if (p50 !== null) this.set({ lane: lane.name, quantile: '0.5' }, p50);
        if (p99 !== null) this.set({ lane: lane.name, quantile: '0.99' }, p99);
      }
    },
  });
  new Gauge({
    name: 'demo_lane_workers',
    help: 'Workers that sent a heartbeat in the last 5 s',
    labelNames: ['lane'],
    registers: [registry],
    collect() {
      for (const { lane } of lanes()) this.set({ lane: lane.name }, lane.workers().length);
    },
  });
  new Gauge({
    name: 'demo_websocket_clients',
    help: 'Open decks watching the demo',
    registers: [registry],
    collect() {
      this.set(clientCount());
    },
  });

  const router = Router();
  router.get('/', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
