"""Celery beat sends `tick` every second.
Run: celery -A celery_schedule beat"""
import time
from celery_tasks import app

app.conf.beat_schedule = {
    "tick-every-second": {
        "task": "celery_schedule.tick",
        "schedule": 1.0,  # seconds
    },
}

@app.task
def tick():
    return time.time()
