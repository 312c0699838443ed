"""Dramatiq sends no events: this middleware reports each job's life to the demo, through the worker's own broker.

It publishes the JSON the Node workers publish (demo-server/src/lanes/amqp-events.ts): batches of
lifecycle events with routing key `job.dramatiq`, and a heartbeat every second with `worker.dramatiq`.
On RabbitMQ they go to the topic exchange `<namespace>.events`; on Redis (a `redis://` broker URL)
to the stream `<namespace>:worker-events`, as entries `{key: <routing key>, body: <JSON>}`
(demo-server/src/lanes/redis-events.ts). Add it before Retries, so that Retries has decided whether
a failed attempt is retried or failed for good when it reports. A job's end is confirmed by the
broker before the job is acked: a worker killed in between reports it twice, never not at all.

What this costs the race against Celery, whose events are sent and forgotten: the reports of all the
worker's threads leave as one message and are confirmed together, and they are not written to disk
(delivery mode 1, as Celery's events): the broker confirms them once they are in the server's queue,
not after an fsync, which made every Dramatiq job wait for the disk. A broker that restarts before the
server read them loses them, as it loses Celery's.
"""
import json
import os
import socket
import threading
import time
import uuid

from dramatiq.middleware import Middleware

HEARTBEAT_S = 1.0
CONFIRM_TIMEOUT_S = 10.0


class LifecycleEvents(Middleware):
    def __init__(self, broker_url, namespace):
        self.broker_url = broker_url
        self.namespace = namespace
        self.publisher = None

    def after_worker_boot(self, broker, worker):
        worker_id = f"dramatiq@{socket.gethostname()}:{os.getpid()}"
        on_redis = self.broker_url.startswith(("redis://", "rediss://", "unix://"))
        sink = (_RedisSink if on_redis else _AmqpSink)(self.broker_url, self.namespace)
        self.publisher = _Publisher(sink, worker_id, worker.worker_threads)
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

    def __init__(self, sink, worker_id, concurrency):
        super().__init__(name="demo-events", daemon=True)
        self.sink = sink
        self.heartbeat = {"id": worker_id, "host": socket.gethostname(), "pid": os.getpid(), "concurrency": concurrency}
        self.worker_id = worker_id
        self.changed = threading.Condition()
        self.pending = []
        self.stopping = False

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
                self.sink.publish("job.dramatiq", {"worker": self.worker_id, "events": [event for event, _ in batch]})
            for _, done in batch:
                if done:
                    done.set()
            if stopping:
                self.sink.publish("worker.dramatiq", {**self.heartbeat, "bye": True})
                self.sink.close()
                return
            if time.monotonic() >= next_beat:
                self.sink.publish("worker.dramatiq", self.heartbeat)
                next_beat = time.monotonic() + HEARTBEAT_S


class _AmqpSink:
    """To the topic exchange `<namespace>.events`, confirmed, in memory only (see the module's docstring)."""

    def __init__(self, url, namespace):
        import pika

        self.pika = pika
        self.parameters = pika.URLParameters(url)
        self.exchange = f"{namespace}.events"
        self.connection = None
        self.channel = None

    def publish(self, routing_key, payload):
        """One reconnect when the broker dropped us, then the report is given up.

        The id stays the same when it is sent again: the server counts a batch it received twice once.
        """
        message_id = uuid.uuid4().hex
        for _ in range(2):
            try:
                if self.channel is None or self.channel.is_closed:
                    self.close()
                    self.connection = self.pika.BlockingConnection(self.parameters)
                    self.channel = self.connection.channel()
                    self.channel.confirm_delivery()
                    self.channel.exchange_declare(self.exchange, "topic", durable=True)
                self.channel.basic_publish(
                    self.exchange, routing_key, json.dumps(payload).encode(),
                    self.pika.BasicProperties(content_type="application/json", delivery_mode=1, message_id=message_id),
                )
                return
            except self.pika.exceptions.AMQPError:
                self.close()

    def close(self):
        if self.connection is not None and self.connection.is_open:
            try:
                self.connection.close()
            except self.pika.exceptions.AMQPError:
                pass
        self.connection = self.channel = None


class _RedisSink:
    """To the stream `<namespace>:worker-events`, capped; the server reads on from where it was after a reconnect."""

    MAX_ENTRIES = 100_000

    def __init__(self, url, namespace):
        import redis

        self.redis = redis
        self.client = redis.Redis.from_url(url)
        self.stream = f"{namespace}:worker-events"

    def publish(self, routing_key, payload):
        """redis-py reconnects by itself; one retry, then the report is given up."""
        for _ in range(2):
            try:
                entry = {"key": routing_key, "body": json.dumps(payload)}
                self.client.xadd(self.stream, entry, maxlen=self.MAX_ENTRIES, approximate=True)
                return
            except self.redis.RedisError:
                pass

    def close(self):
        self.client.close()
