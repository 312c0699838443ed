"""Dramatiq sends no events: this middleware reports each job's life to the demo's events exchange.

It publishes the JSON the Node workers publish (demo-server/src/lanes/amqp-events.ts): batches of
lifecycle events to `<namespace>.events` with routing key `job.dramatiq`, and a heartbeat every
second to `worker.dramatiq`. Add it before Retries, so that Retries has decided whether a failed
attempt is retried or failed for good when it reports. A job's end is confirmed by the broker
before the job is acked: a worker killed in between reports it twice, never not at all.
"""
import json
import os
import socket
import threading
import time

import pika
from dramatiq.middleware import Middleware

HEARTBEAT_S = 1.0
CONFIRM_TIMEOUT_S = 10.0


class LifecycleEvents(Middleware):
    def __init__(self, amqp_url, namespace):
        self.amqp_url = amqp_url
        self.exchange = f"{namespace}.events"
        self.publisher = None

    def after_worker_boot(self, broker, worker):
        worker_id = f"dramatiq@{socket.gethostname()}:{os.getpid()}"
        self.publisher = _Publisher(self.amqp_url, self.exchange, worker_id, worker.worker_threads)
        self.publisher.start()

    def before_worker_shutdown(self, broker, worker):
        if self.publisher:
            self.publisher.stop()

    def before_process_message(self, broker, message):
        self._report({"type": "started", "jobId": message.message_id, "at": int(time.time() * 1000)})

    def after_process_message(self, broker, message, *, result=None, exception=None):
        job_id = message.message_id
        if exception is None:
            self._report({"type": "completed", "jobId": job_id, "enqueuedAt": message.message_timestamp}, wait=True)
        elif message.failed:
            self._report({"type": "failed", "jobId": job_id, "error": repr(exception)[:500]}, wait=True)
        else:
            self._report({"type": "retried", "jobId": job_id}, wait=True)

    def after_skip_message(self, broker, message):
        self._report({"type": "failed", "jobId": message.message_id, "error": "skipped"}, wait=True)

    def _report(self, event, wait=False):
        if self.publisher:
            self.publisher.report(event, wait)


class _Publisher(threading.Thread):
    """One connection per worker process, owned by this thread: pika's is not thread-safe."""

    def __init__(self, amqp_url, exchange, worker_id, concurrency):
        super().__init__(name="demo-events", daemon=True)
        self.parameters = pika.URLParameters(amqp_url)
        self.exchange = exchange
        self.heartbeat = {"id": worker_id, "host": socket.gethostname(), "pid": os.getpid(), "concurrency": concurrency}
        self.worker_id = worker_id
        self.changed = threading.Condition()
        self.pending = []
        self.stopping = False
        self.connection = None
        self.channel = None

    def report(self, event, wait):
        done = threading.Event() if wait else None
        with self.changed:
            self.pending.append((event, done))
            self.changed.notify()
        if done:
            done.wait(CONFIRM_TIMEOUT_S)

    def stop(self):
        with self.changed:
            self.stopping = True
            self.changed.notify()
        self.join(CONFIRM_TIMEOUT_S)

    def run(self):
        next_beat = 0.0
        while True:
            with self.changed:
                self.changed.wait_for(lambda: self.pending or self.stopping, timeout=max(0.0, next_beat - time.monotonic()))
                batch, self.pending, stopping = self.pending, [], self.stopping
            if batch:
                self._publish("job.dramatiq", {"worker": self.worker_id, "events": [event for event, _ in batch]})
            for _, done in batch:
                if done:
                    done.set()
            if stopping:
                self._publish("worker.dramatiq", {**self.heartbeat, "bye": True})
                return
            if time.monotonic() >= next_beat:
                self._publish("worker.dramatiq", self.heartbeat)
                next_beat = time.monotonic() + HEARTBEAT_S

    def _publish(self, routing_key, payload):
        """Persistent and confirmed; one reconnect when the broker dropped us, then the report is given up."""
        for _ in range(2):
            try:
                if self.channel is None or self.channel.is_closed:
                    self._disconnect()
                    self.connection = pika.BlockingConnection(self.parameters)
                    self.channel = self.connection.channel()
                    self.channel.confirm_delivery()
                    self.channel.exchange_declare(self.exchange, "topic", durable=True)
                self.channel.basic_publish(
                    self.exchange, routing_key, json.dumps(payload).encode(),
                    pika.BasicProperties(content_type="application/json", delivery_mode=2),
                )
                return
            except pika.exceptions.AMQPError:
                self._disconnect()

    def _disconnect(self):
        if self.connection is not None and self.connection.is_open:
            try:
                self.connection.close()
            except pika.exceptions.AMQPError:
                pass
        self.connection = self.channel = None
