"""Engines: ordered results, and a worker that dies costs one record, not the run."""
from crashers import crash_on_marker
from dateline.crawl.engines import LocalEngine
from dateline.crawl.process import Batch
from dateline.crawl.readers import page_record
from dateline.crawl.records import RecordIds
from dateline.crawl.run import batched, one_by_one
from sitegen import article_page


def test_a_record_that_kills_its_worker_becomes_a_reject_and_the_rest_go_on():
    ids = RecordIds()
    pages = [article_page("valleytimes.example", n) for n in range(7)]
    records = [page_record(ids, p.url, p.html.encode(), url=p.url) for p in pages]
    records.insert(3, page_record(ids, "bad", b"<html><body><p>KILL-THE-WORKER</p></body></html>"))
    engine = LocalEngine(2)
    try:
        batches = [Batch(b) for b in batched(records, 2)]
        results = list(engine.map(crash_on_marker, batches, fallback=one_by_one(engine, crash_on_marker)))
    finally:
        engine.close()
    outcomes = [o for batch in results for o in batch]
    assert [o.record_id for o in outcomes] == [r.record_id for r in records]
    assert outcomes[3].status == "reject" and outcomes[3].reason == "worker-crash"
    assert all(o.status == "article" for i, o in enumerate(outcomes) if i != 3)
