"""Run: celery -A celery_tasks worker -E"""
import os, random, signal, time
from celery import Celery

NAMESPACE = os.getenv("DEMO_NAMESPACE", "demo")
AMQP_URL = os.getenv("AMQP_URL", "amqp://127.0.0.1")
REDIS_URL = os.getenv("REDIS_URL", "redis://127.0.0.1")
# DEMO_CELERY_BROKER=redis: no RabbitMQ, Redis only.
ON_REDIS = os.getenv("DEMO_CELERY_BROKER") == "redis"
BROKER_URL = REDIS_URL if ON_REDIS else AMQP_URL

app = Celery("celery_tasks", broker=BROKER_URL,
             backend=REDIS_URL)
app.conf.update(
    task_default_queue=f"{NAMESPACE}.celery",
    event_exchange=f"{NAMESPACE}.celeryev",
    control_exchange=NAMESPACE,
)

class FlakyError(Exception): pass

@app.task
def noop():
    return None

@app.task
def sleep(ms):
    time.sleep(ms / 1000)
    return ms

@app.task
def cpu(n):
    x = 0
    for i in range(n):
        x = (x + i * 7) % 1_000_003
    return x

@app.task(autoretry_for=(FlakyError,), max_retries=2,
          retry_backoff=True, retry_jitter=False)
def flaky(fail_rate):
    if random.random() < fail_rate:
        raise FlakyError(f"failRate {fail_rate}")
    return "ok"

# Celery acks early: a crash loses the message.
@app.task(bind=True)
def crash(self):
    if not self.request.delivery_info["redelivered"]:
        os.kill(os.getpid(), signal.SIGKILL)
    return "survived: redelivered after a crash"

app.conf.include += ("celery_pipeline",
                     "celery_schedule")
