"""APScheduler sends Dramatiq's `tick` every second,
in a process of its own that runs main()."""
import time
import dramatiq
from dramatiq_actors import QUEUE

@dramatiq.actor(queue_name=QUEUE)
def tick():
    return time.time()

def send_tick():
    message = tick.send()
    print(message.message_id, flush=True)

def main():
    from apscheduler.schedulers import blocking
    scheduler = blocking.BlockingScheduler()
    scheduler.add_job(send_tick, "interval", seconds=1)
    scheduler.start()
