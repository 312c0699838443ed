"""Run: dramatiq dramatiq_actors"""
import dramatiq, os, random, signal, time
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import CurrentMessage, Retries
from dramatiq.results import Results
from dramatiq.results.backends import RedisBackend
from demo_reporting import LifecycleEvents

NAMESPACE = os.getenv("DEMO_NAMESPACE", "demo")
AMQP_URL = os.getenv("AMQP_URL", "amqp://127.0.0.1")
REDIS_URL = os.getenv("REDIS_URL", "redis://127.0.0.1")
QUEUE = f"{NAMESPACE}.dramatiq"
ON_REDIS = os.getenv("DEMO_DRAMATIQ_BROKER") == "redis"
BROKER_URL = REDIS_URL if ON_REDIS else AMQP_URL
Broker = RedisBroker if ON_REDIS else RabbitmqBroker
broker = Broker(url=BROKER_URL)
backend = RedisBackend(url=REDIS_URL)
broker.add_middleware(Results(backend=backend,
                              store_results=True))
broker.add_middleware(CurrentMessage())
events = LifecycleEvents(BROKER_URL, NAMESPACE)
broker.add_middleware(events, before=Retries)
dramatiq.set_broker(broker)

class FlakyError(Exception): pass

@dramatiq.actor(queue_name=QUEUE)
def noop():
    return None

@dramatiq.actor(queue_name=QUEUE)
def sleep(ms):
    time.sleep(ms / 1000)
    return ms

@dramatiq.actor(queue_name=QUEUE)
def cpu(n):
    x = 0
    for i in range(n):
        x = (x + i * 7) % 1_000_003
    return x

@dramatiq.actor(queue_name=QUEUE, max_retries=2,
                min_backoff=200)
def flaky(fail_rate):
    if random.random() < fail_rate:
        raise FlakyError(f"failRate {fail_rate}")
    return "ok"

# Dramatiq acks late: a crashed job comes back.
@dramatiq.actor(queue_name=QUEUE)
def crash():
    message = CurrentMessage.get_current_message()
    if not message.redelivered:
        os.kill(os.getpid(), signal.SIGKILL)
    return "survived: redelivered after a crash"

import dramatiq_pipeline, dramatiq_schedule
