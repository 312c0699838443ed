import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** `npm run test:dramatiq`: the tests that need a real Dramatiq worker (pip install 'dramatiq[rabbitmq,redis]'). */
export default defineConfig({ ...base, test: { ...base.test, include: ['test/**/*.dramatiq.ts'] } });
