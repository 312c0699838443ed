"""Dramatiq's own client as the reference for our TypeScript producer: `noop.send()` in a loop, as an
application sends, with RabbitmqBroker's defaults or, with DRAMATIQ_CONFIRM_DELIVERY=1, its
`confirm_delivery` (each send waits for RabbitMQ's confirm, as the lane does). Reads `go N` lines on stdin
and answers each with the epoch seconds the loop started and ended, as JSON; the broker, queue and actors
are demo-server/workers/dramatiq_actors.py's, configured by the same environment."""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "demo-server", "workers"))

import time  # noqa: E402

from dramatiq_actors import broker, noop  # noqa: E402

# Read when the thread's channel opens, below.
broker.confirm_delivery = os.getenv("DRAMATIQ_CONFIRM_DELIVERY") == "1"
broker.channel  # opens this thread's connection; the first send (a warm-up round's) declares the queues
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    n = int(line.split()[1])
    start = time.time()
    for _ in range(n):
        noop.send()
    end = time.time()
    print(json.dumps({"start": start, "end": end}), flush=True)
broker.close()
