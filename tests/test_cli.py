"""The command line: formats, batches with bad files, exit status, stdin."""
import gzip
import json
import subprocess
import sys

from dateline.cli import main

CAPTURE = """World

Storm floods coastal towns as rivers burst their banks

By Jane Roe

Published March 3, 2025 10:42 AM GMT

Heavy rain swept across the coast on Sunday, flooding dozens of towns and forcing thousands of residents to leave their homes, officials said.

Emergency crews worked through the night to reinforce levees along the two main rivers, which rose to their highest level in forty years.

"We have never seen water move this fast," said the mayor of one of the worst-hit towns, standing outside a flooded school.

Forecasters expect the rain to ease by Tuesday, but warned that rivers could keep rising for several days as water flows down from the hills.
"""


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def test_one_file_prints_pretty_json(tmp_path, capsys):
    assert main(["extract", write(tmp_path, "a.txt", CAPTURE)]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["title"] == "Storm floods coastal towns as rivers burst their banks"
    assert article["published"].startswith("2025-03-03")
    assert article["authors"] == ["Jane Roe"]


def test_batch_goes_on_past_bad_files_and_counts_them(tmp_path, capsys):
    good = write(tmp_path, "good.txt", CAPTURE)
    empty = write(tmp_path, "empty.txt", b"")
    binary = write(tmp_path, "junk.bin", bytes(range(256)) * 50)
    truncated = write(tmp_path, "cut.txt.gz", gzip.compress(CAPTURE.encode())[:40])
    missing = str(tmp_path / "missing.txt")
    out = tmp_path / "out.jsonl"
    status = main(["extract", good, empty, binary, truncated, missing, "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 1
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 5
    assert lines[0]["title"] and lines[0]["source"] == good
    assert [bool(rec.get("error")) for rec in lines] == [False, True, True, True, True]
    assert "empty" in lines[1]["error"] and "binary" in lines[2]["error"]
    assert "4 of 5 inputs failed" in err
    assert "Traceback" not in err


def test_stdin_and_markdown(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "dateline.cli", "extract", "--format", "markdown",
                           "-"], input=CAPTURE.encode(), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode()
    assert text.startswith("*World*") and "# Storm floods" in text and "Heavy rain" in text


def test_explain_lists_dropped_lines(tmp_path, capsys):
    main(["extract", "--explain", write(tmp_path, "a.txt", CAPTURE)])
    article = json.loads(capsys.readouterr().out)
    reasons = {d["text"]: d["reason"] for d in article["dropped"]}
    assert reasons["By Jane Roe"] == "byline"
    assert reasons["Published March 3, 2025 10:42 AM GMT"] == "date"


def test_html_input_is_extracted(tmp_path, capsys):
    para = "<p>The harbour board approved the ferry timetable on Monday after a long debate.</p>"
    page = write(tmp_path, "p.html", "<!DOCTYPE html><html><head><title>Ferry plan | Gazette"
                 "</title></head><body><h1>Ferry plan approved</h1>" + para * 5 + "</body></html>")
    assert main(["extract", page]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["title"] == "Ferry plan approved"
    assert "harbour board" in out["text"]


def test_eval_accepts_the_folder_holding_the_sets(tmp_path):
    from dateline.cli import dataset_dirs

    for name in ("set-b", "set-a"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "gold.jsonl").write_text("")
    assert dataset_dirs(tmp_path) == [tmp_path / "set-a", tmp_path / "set-b"]
    assert dataset_dirs(tmp_path / "set-a") == [tmp_path / "set-a"]
    assert dataset_dirs(tmp_path / "missing") == [tmp_path / "missing"]
