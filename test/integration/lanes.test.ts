import { runLaneContract } from '../support/lane-contract.ts';
import { deleteNamespace, purgeAmqpNamespace, requireRabbitmq, requireRedis } from '../support/brokers.ts';

runLaneContract('memory', { attempts: 3 });
runLaneContract('bullmq', { attempts: 3, requireBroker: () => requireRedis(), cleanup: (ns) => deleteNamespace(ns) });
runLaneContract('rabbitmq', { attempts: 3, requireBroker: () => requireRabbitmq(), cleanup: (ns) => purgeAmqpNamespace(ns) });
