"""Visible date lines → ISO 8601 (``dateline.meta.dates``)."""
import pytest

from dateline.meta.dates import find_date_line, find_dates


@pytest.mark.parametrize("line, kind, iso", [
    ("Latest update : 2014-01-06", "updated", "2014-01-06"),
    ("Date created : 2014-01-05", "published", "2014-01-05"),
    ("26. Februar 2024", "unknown", "2024-02-26"),
    ("Accueil | Par Loïc Lenoir | 30 septembre 2018", "unknown", "2018-09-30"),
    ("Di Mario Rossi, 3 marzo 2024", "unknown", "2024-03-03"),
])
def test_date_lines(line, kind, iso):
    found = find_date_line(line)
    assert found is not None and found.kind == kind and found.iso[:10] == iso


def test_published_and_updated_on_one_line():
    kinds = [d.kind for d in find_dates("Publié le 12 mars 2025, modifié le 13 mars 2025")]
    assert kinds == ["published", "updated"]


def test_sentences_are_not_date_lines():
    assert find_date_line("The council met on 3 March 2024 to discuss the new budget for "
                          "schools, roads, the harbour and the library in the old town") is None
