"""Bad input is normal input: each case gives warnings or a clear error, never a crash or hang."""
import pytest

import dateline
from dateline.errors import CaptureError

NAV = "\n".join(f"  • Section {i}\n\n    Headline number {i} about the news today\n\n    Read more\n"
                for i in range(40))


def test_all_navigation_page_has_no_body_and_says_so():
    article = dateline.extract(NAV)
    assert article.text == "" or len(article.text) < 200
    if not article.body:
        assert any("no article body" in w for w in article.warnings)


def test_capture_without_a_date_warns():
    text = ("Local council approves new cycle lanes\n\n" +
            "The council approved a plan on Tuesday to build twenty kilometres of protected "
            "cycle lanes across the city centre over the next three years, officials said.\n\n") * 3
    article = dateline.extract(text)
    assert article.published is None
    assert any("no publication date" in w for w in article.warnings)


@pytest.mark.parametrize("data", [b"", b"\n\n  \n", b"\x00" * 100, bytes(range(256)) * 20],
                         ids=["empty", "blank", "nul", "binary"])
def test_unusable_input_raises_capture_error(data):
    with pytest.raises(CaptureError):
        dateline.extract(data, source="bad.txt")


def test_wrong_charset_is_read():
    text = ("Der Bürgermeister äußerte sich am Montag zu den Plänen für die Straße. " * 4 +
            "\n\nDie Gemeinde prüft die Kosten für den Umbau der Brücke über den Fluss. " * 3)
    article = dateline.extract(text.encode("latin-1"))
    assert "Bürgermeister" in article.text or "Bürgermeister" in (article.title or "")


def test_huge_capture_finishes_with_a_warning():
    line = ("The committee heard evidence from residents about the new road, and several "
            "speakers asked for more time to study the plans before any vote was taken.\n\n")
    article = dateline.extract(line * 60_000)  # ~10 MB
    assert any("truncated" in w for w in article.warnings)


def test_one_giant_line():
    article = dateline.extract("word " * 400_000)
    assert isinstance(article.warnings, list)
