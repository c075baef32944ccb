"""A task function that kills its worker process on a marked record (engine crash tests)."""
import os

from dateline.crawl.process import process_batch


def crash_on_marker(batch):
    """``process_batch``, except that a record holding b"KILL-THE-WORKER" ends the process."""
    for record in batch.records:
        if isinstance(record.data, bytes) and b"KILL-THE-WORKER" in record.data:
            os._exit(3)
    return process_batch(batch)
