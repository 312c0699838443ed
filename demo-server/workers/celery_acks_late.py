"""Run: celery -A celery_acks_late worker
The fix: ack each task after its work, as Dramatiq
does, so a worker killed mid-task gives it back."""
from celery_tasks import app

app.conf.task_acks_late = True
# A pool process that dies gives its task back too.
app.conf.task_reject_on_worker_lost = True
