"""Scheduling for Dramatiq: APScheduler sends `tick` every second.
Run: python3 -c "import dramatiq_schedule; dramatiq_schedule.main()" """
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
    from apscheduler.schedulers.blocking import BlockingScheduler
    scheduler = BlockingScheduler()
    scheduler.add_job(send_tick, "interval", seconds=1)
    scheduler.start()
