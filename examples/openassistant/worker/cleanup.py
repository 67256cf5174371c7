"""Deletes message threads that are no longer active.

Disclosed: "Message threads ... that are no longer active are deleted within
approximately 30 days".
"""
import datetime
import json

import redis

cache = redis.Redis()


def purge_inactive(db):
    cutoff = datetime.datetime.utcnow() - datetime.timedelta(days=30)
    db.execute("DELETE FROM threads WHERE last_activity < %s", (cutoff,))


def cache_thread(thread_id, messages):
    # VIOLATION (retention-exceeds-policy): cached thread messages live 90 days,
    # past the 30 days the policy promises for inactive threads.
    cache.setex(f"thread:{thread_id}", 60 * 60 * 24 * 90, json.dumps(messages))
