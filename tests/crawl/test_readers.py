"""Crawl readers: every part of the input becomes a record or a record with a reason."""
import gzip
import json

from dateline.crawl.readers import iter_records
from dateline.crawl.records import site_of
from sitegen import article_page, write_jsonl_gz, write_warc


def records(*paths):
    return list(iter_records(paths))


def test_directory_files_each_become_a_record(tmp_path):
    (tmp_path / "a.html").write_text(article_page("valleytimes.example", 1).html)
    (tmp_path / "b.txt").write_text("Some text capture\n\nWith a paragraph.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "dangling").symlink_to(tmp_path / "missing-target")
    (tmp_path / ".hidden").write_text("ignored")
    got = records(tmp_path)
    assert [r.source.rsplit("/", 1)[1] for r in got] == ["a.html", "b.txt", "dangling", "empty.txt"]
    dangling = got[2]
    assert dangling.error and dangling.error[0] == "unreadable"
    assert got[3].data == b"" and got[3].error is None  # the extractor rejects it as empty


def test_missing_input_is_a_reject_not_a_crash(tmp_path):
    [record] = records(tmp_path / "nope.warc.gz")
    assert record.error == ("unreadable", "no such file or directory")


def test_record_ids_are_stable_and_repeats_are_marked(tmp_path):
    page = article_page("valleytimes.example", 2)
    warc = tmp_path / "x.warc.gz"
    write_warc(warc, [(page.url, page.html.encode())] * 2 + [(page.url + "?v=2", page.html.encode())])
    first, second = records(warc), records(warc)
    assert [r.record_id for r in first] == [r.record_id for r in second]
    assert first[1].repeat_of == first[0].record_id and first[1].record_id.endswith("~2")
    assert first[2].repeat_of is None  # same content, another URL: not an exact repeat
    assert first[0].site == "valleytimes.example" and first[0].source.endswith("#0")


def test_jsonl_fields_bad_lines_and_truncated_gzip(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    rows = [{"url": "https://northgazette.example/a", "html": article_page("northgazette.example", 1).html},
            {"url": "https://northgazette.example/b", "text": "A capture\n\nbody"},
            {"url": "https://northgazette.example/c"}]
    write_jsonl_gz(path, rows)
    raw = path.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\nnot json at all\n[1, 2]\n')
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(raw[: len(raw) // 2])
    got = records(path)
    assert [r.kind for r in got[:2]] == ["html", "text"]
    assert got[2].error[0] == "no-content"
    assert [r.error[0] if r.error else None for r in records(bad)] == [None, "bad-json", "bad-json"]
    truncated = records(cut)
    assert truncated[-1].error[0] == "truncated-gzip"


def test_warc_broken_record_in_the_middle_does_not_lose_the_rest(tmp_path):
    pages = [article_page("harborherald.example", n) for n in range(3)]
    good = tmp_path / "good.warc.gz"
    write_warc(good, [(p.url, p.html.encode()) for p in pages])
    data = good.read_bytes()
    offsets = [r.source.rsplit("#", 1)[1] for r in records(good)]
    second = int(offsets[1])
    third = int(offsets[2])
    broken = tmp_path / "broken.warc.gz"
    # corrupt the middle of the second gzip member
    middle = second + (third - second) // 2
    broken.write_bytes(data[:middle] + b"\x00garbage\xff" * 20 + data[middle + 200:])
    got = records(broken)
    urls = [r.url for r in got if r.error is None]
    assert pages[0].url in urls and pages[2].url in urls
    assert any(r.error and r.error[0] == "broken-warc" for r in got)


def test_truncated_warc_and_plain_warc(tmp_path):
    pages = [article_page("harborherald.example", n) for n in range(2)]
    plain = tmp_path / "plain.warc"
    write_warc(plain, [(p.url, p.html.encode()) for p in pages], gzip_records=False)
    assert [r.url for r in records(plain)] == [p.url for p in pages]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(plain.read_bytes()[:-300])
    got = records(cut)
    assert got[0].error is None and got[1].error[0] == "truncated-record"
    gz = tmp_path / "cut.warc.gz"
    write_warc(gz, [(p.url, p.html.encode()) for p in pages])
    gz.write_bytes(gz.read_bytes()[:-100])
    got = records(gz)
    assert got[0].error is None and got[-1].error is not None


def test_site_of():
    assert site_of("https://www.example.com/a") == "example.com"
    assert site_of("https://web.archive.org/web/2019/https://www.example.org/x") == "example.org"
    assert site_of(None) == "" and site_of("not a url") == ""


def test_wet_conversion_records_are_text_captures(tmp_path):
    import io

    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.wet.gz"
    text = "Valley Times\nLocal\nBridge vote delayed\n\nThe council delayed the vote.\n"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        writer.write_record(writer.create_warc_record(
            "https://valleytimes.example/a", "conversion", payload=io.BytesIO(text.encode()),
            length=len(text.encode()), warc_headers_dict={"Content-Type": "text/plain"}))
    [record] = records(path)
    assert record.kind == "text" and record.data == text.encode()
    assert record.url == "https://valleytimes.example/a" and record.site == "valleytimes.example"
