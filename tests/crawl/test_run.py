"""``dateline run`` end to end on a synthetic crawl: counts add up, duplicates, resume, engines."""
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from crawlkit import planted_crawl, store_contents
from dateline.cli import main
from dateline.crawl.run import RunOptions, run_crawl


@pytest.fixture
def crawl(tmp_path) -> dict:
    """A planted synthetic crawl in a temporary folder."""
    return planted_crawl(tmp_path)


def run(inputs, store, **kw):
    return run_crawl(RunOptions(inputs=[str(i) for i in inputs], store=store, progress=False, **kw))


def test_every_record_ends_in_one_place_and_duplicates_are_found(crawl, tmp_path):
    store = tmp_path / "s.duckdb"
    summary = run([crawl["warc"]], store, workers=0)
    assert summary.records == crawl["records"] == summary.articles + summary.rejects
    con = duckdb.connect(str(store), read_only=True)
    dups = con.execute("SELECT r.url, a.url, r.similarity FROM rejects r JOIN articles a "
                       "ON a.record_id = r.duplicate_of WHERE r.reason = 'duplicate'").fetchall()
    reasons = dict(con.execute("SELECT reason, count(*) FROM rejects GROUP BY 1").fetchall())
    pages = crawl["pages"]
    assert len(dups) == crawl["exact"] + crawl["near"]
    canon_of = {canon for _, canon, _ in dups}
    assert {pages[0].url, pages[1].url, pages[2].url} == canon_of
    assert all(sim >= 0.7 for _, _, sim in dups)
    assert reasons["duplicate"] == 3 and sum(reasons.values()) == summary.rejects
    assert {"binary", "empty"} <= set(reasons)
    stats = json.loads(subprocess_stats(store))
    assert stats["records"] == stats["articles"] + stats["rejects"] == crawl["records"]
    assert stats["duplicates"] == 3 and stats["sites"] == 3


def subprocess_stats(store):
    out = subprocess.run([sys.executable, "-m", "dateline.cli", "stats", str(store), "--json"],
                         capture_output=True, text=True, check=True)
    return out.stdout


def test_rerun_adds_nothing(crawl, tmp_path):
    store = tmp_path / "s.duckdb"
    run([crawl["warc"]], store, workers=0)
    before = store_contents(store)
    again = run([crawl["warc"]], store, workers=0)
    assert again.already == crawl["records"] and again.articles == again.rejects == 0
    assert store_contents(store) == before


def test_site_templates_keep_template_lines_out_of_the_body(crawl, tmp_path):
    with_t, without_t = tmp_path / "t.duckdb", tmp_path / "n.duckdb"
    run([crawl["warc"]], with_t, workers=0)
    run([crawl["warc"]], without_t, workers=0, templates=False)
    query = "SELECT count(*) FROM articles WHERE text LIKE '%morning briefing%'"
    with duckdb.connect(str(without_t), read_only=True) as con:
        assert con.execute(query).fetchone()[0] > 0
    with duckdb.connect(str(with_t), read_only=True) as con:
        assert con.execute(query).fetchone()[0] == 0
        assert con.execute("SELECT count(DISTINCT site) FROM templates").fetchone()[0] == 3


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc; empty where there is none)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def alive(pid: int) -> bool:
    """True while process ``pid`` exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_kill_9_then_resume_gives_the_clean_store(tmp_path):
    crawl = planted_crawl(tmp_path, per_site=30)
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"

    def command(store):
        return [sys.executable, "-m", "dateline.cli", "run", str(crawl["warc"]), "--out",
                str(store), "--workers", "1", "--batch-size", "2", "--no-progress"]
    started = time.monotonic()
    subprocess.run(command(clean), check=True, capture_output=True)
    took = time.monotonic() - started  # the same run, uninterrupted (start-up included)
    proc = subprocess.Popen(command(killed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(random.Random().uniform(0.5, 0.85) * took)  # somewhere in the middle of the run
    assert proc.poll() is None, "the run ended before it could be killed: make the crawl bigger"
    workers = child_pids(proc.pid)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers), "a worker outlived its killed parent"
    subprocess.run(command(killed), check=True, capture_output=True)
    assert store_contents(killed) == store_contents(clean)


def test_ray_engine_gives_the_same_store_as_local(crawl, tmp_path):
    pytest.importorskip("ray")
    local, ray_store = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    run([crawl["warc"]], local, workers=2)
    run([crawl["warc"]], ray_store, workers=2, engine="ray")
    assert store_contents(ray_store) == store_contents(local)


def test_bad_inputs_never_stop_the_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zero.html").write_bytes(b"")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "cut.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 30)
    (folder / "broken.warc").write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nnonsense\r\n\r\n" * 3)
    (folder / "dangling.html").symlink_to(folder / "gone")
    summary = run([folder], tmp_path / "s.duckdb", workers=0)
    assert summary.records == summary.rejects >= 5 and summary.articles == 0
    assert {"empty", "binary", "truncated-gzip", "unreadable"} <= set(summary.reasons)


def test_cli_run_stats_search_export(crawl, tmp_path, capsys):
    store = tmp_path / "s.duckdb"
    assert main(["run", str(crawl["warc"]), "--out", str(store), "--workers", "0",
                 "--no-progress", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["records"] == crawl["records"]
    title = crawl["pages"][4].title
    assert main(["search", str(store), title, "--limit", "5", "--json",
                 "--site", "harborherald.example"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert title in [hit["title"] for hit in hits]
    assert {hit["site"] for hit in hits} == {"harborherald.example"}
    out = tmp_path / "a.parquet"
    assert main(["export", str(store), "-o", str(out)]) == 0
    with duckdb.connect() as con:
        rows = con.execute(f"SELECT title, len(body) FROM '{out}'").fetchall()
    assert len(rows) == summary["articles"] and all(n > 0 for _, n in rows)
    assert main(["export", str(store), "-o", str(tmp_path / "r.jsonl"), "--table", "rejects"]) == 0
    rejects = (tmp_path / "r.jsonl").read_text().splitlines()
    assert len(rejects) == summary["rejects"]


def test_a_run_that_fails_is_recorded_as_failed(crawl, tmp_path, monkeypatch):
    import dateline.crawl.run as run_module

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(run_module, "extract_all", broken)
    store = tmp_path / "s.duckdb"
    with pytest.raises(RuntimeError):
        run([crawl["warc"]], store, workers=0)
    with duckdb.connect(str(store), read_only=True) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("failed",)]
