"""Chaining: fetch -> transform -> store, each step's return value the next one's first argument."""
import time
from celery import chain
from celery_tasks import app

STEP_S = 0.6

class TransformError(Exception):
    pass

@app.task
def fetch(n):
    time.sleep(STEP_S)
    return list(range(1, n + 1))

@app.task
def transform(rows, fail=False):
    time.sleep(STEP_S)
    if fail:
        raise TransformError("transform failed, as asked")
    return [row * row for row in rows]

@app.task
def store(rows):
    time.sleep(STEP_S)
    return {"rows": len(rows), "total": sum(rows)}

def run_pipeline(n=3, fail=False):
    return chain(fetch.s(n), transform.s(fail=fail), store.s()).apply_async()
