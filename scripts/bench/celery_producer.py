"""Celery's own client as the reference for our TypeScript producer: `noop.apply_async()` in a loop,
on one producer from the app's pool, as a bulk sender writes it. Reads `go N` lines on stdin and
answers each with the epoch seconds the loop started and ended, as JSON; the app (broker, queue,
result backend) is demo-server/workers/celery_tasks.py, configured by the same environment."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "demo-server", "workers"))

import time  # noqa: E402

from celery_tasks import app, noop  # noqa: E402

with app.producer_or_acquire() as producer:
    producer.connection.ensure_connection(max_retries=3)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        n = int(line.split()[1])
        start = time.time()
        for _ in range(n):
            noop.apply_async(producer=producer)
        end = time.time()
        print(json.dumps({"start": start, "end": end}), flush=True)
