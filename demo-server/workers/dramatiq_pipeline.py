"""Chaining: fetch -> transform -> store, each step's return value the next one's last argument."""
import time
import dramatiq
from dramatiq_actors import QUEUE

STEP_S = 0.6

class TransformError(Exception):
    pass

@dramatiq.actor(queue_name=QUEUE)
def fetch(n):
    time.sleep(STEP_S)
    return list(range(1, n + 1))

@dramatiq.actor(queue_name=QUEUE, max_retries=2, min_backoff=200)
def transform(rows, fail=False):
    time.sleep(STEP_S)
    if fail:
        raise TransformError("transform failed, as asked")
    return [row * row for row in rows]

@dramatiq.actor(queue_name=QUEUE)
def store(rows):
    time.sleep(STEP_S)
    return {"rows": len(rows), "total": sum(rows)}

def run_pipeline(n=3, fail=False):
    steps = [fetch.message(n), transform.message(fail=fail), store.message()]
    return dramatiq.pipeline(steps).run()
