"""Visible date lines → ISO 8601 (``dateline.meta.dates``)."""
import pytest

from dateline.meta.dates import find_date_line, find_dates, leading_date


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


@pytest.mark.parametrize("line, iso", [
    ("3. August 2015 · Filed under Travel Notes", "2015-08-03"),
    ("28.04.2021 - 07:18 | Quelle: dpa-afx | Lesedauer etwa 4 min.", "2021-04-28T07:18:00"),
    ("Blog Home AI & Machine Learning • October 18, 2019", "2019-10-18"),
])
def test_a_dated_segment_of_a_metadata_line(line, iso):
    assert [d.iso for d in find_dates(line)] == [iso]


def test_a_sentence_with_separators_is_not_a_date_line():
    line = "The harbour council finally met on 3 May 2024 | and the mayor spoke to the press"
    assert find_dates(line) == []


def test_glued_date_spans():
    """Markup with no space between spans: "2024Updated", "20247:16 AM", "ESTUpdated"."""
    dates = find_dates("Mar. 4, 2024Updated: Mar. 4, 2024 1:35 a.m.")
    assert [(d.kind, d.iso) for d in dates] == [("published", "2024-03-04"),
                                                ("updated", "2024-03-04T01:35:00")]
    dates = find_dates("Published Mon, Mar 4 20247:05 AM ESTUpdated Mon, Mar 4 20247:16 AM EST")
    assert [d.iso for d in dates] == ["2024-03-04T07:05:00-05:00", "2024-03-04T07:16:00-05:00"]


def test_slash_date_order_from_the_page():
    from dateline.meta.dates import has_ambiguous_slash_date, slash_order_evidence

    assert slash_order_evidence(["12/04/2020 by Kay", "16/04/2020 at 12:35 am"]) is True
    assert slash_order_evidence(["04/16/2020", "05/03/2020"]) is False
    assert slash_order_evidence(["05/03/2020", "1/2/2021"]) is None
    assert slash_order_evidence(["16/04/2020", "04/16/2020"]) is None  # they disagree
    assert has_ambiguous_slash_date(["Posted 05/03/2020"])
    assert not has_ambiguous_slash_date(["16/04/2020", "05.03.2020"])
    assert has_ambiguous_slash_date(["06/11/20230 Kommentare"])  # a comment count glued on
    assert find_dates("07/05/2022 20H06", day_first=True)[0].iso.startswith("2022-05-07")
    assert find_dates("07/05/2022 20H06")[0].iso.startswith("2022-07-05")


def test_a_spanish_page_reads_slash_dates_day_first():
    from dateline.article import slash_day_first
    from dateline.model import Block

    lines = ["07/05/2022 20H06",
             "El congreso aprobó la ley de presupuesto tras una larga sesión en la que los "
             "diputados de la oposición votaron en contra de las medidas del gobierno."]
    blocks = [Block(text=t, index=i, line_no=i + 1) for i, t in enumerate(lines)]
    assert slash_day_first(blocks, [1]) is True
    blocks[1].text = ("Congress passed the budget bill after a long session in which the "
                      "opposition voted against the government's measures.")
    assert slash_day_first(blocks, [1]) is None


def test_more_date_forms():
    assert find_dates("Letzte Änderung: 31.10.2023 - 14:49:39")[0].kind == "updated"
    assert find_dates("18. 05. 2014 22:38")[0].iso == "2014-05-18T22:38:00"
    assert find_dates("Veröffentlicht am 10. Februar 20199. Februar 2019")[0].iso == "2019-02-10"


def test_comment_links_beside_a_date():
    assert find_dates("28. Januar 2015 karlmeier Schreibe einen Kommentar")[0].iso == "2015-01-28"
    assert find_dates("Publié le 20 janvier 202020 janvier 2020")[0].iso == "2020-01-20"


def test_a_date_set_off_by_a_spaced_hyphen():
    assert find_dates("24.01.2022 - Meldung - Energiewende im Gebäudebereich")[0].iso == "2022-01-24"
    assert find_dates("Der Preis stieg - so die Behörde - deutlich an") == []


def test_a_sentence_about_a_date_reads_as_prose():
    from dateline.meta.dates import reads_as_prose

    assert reads_as_prose("Dieser Artikel ist ursprünglich am 27. Februar 2017 erschienen.")
    assert not reads_as_prose("PUBLISHED: November 8, 2023 at 11:30 p.m. | UPDATED: "
                              "November 9, 2023 at 12:21 a.m.")
    assert not reads_as_prose("Published on Monday, May 3, 2021 by Jane Doe.")


@pytest.mark.parametrize("line,iso", [
    ("01.02.2022 „Der Hafen ist gut ins Jahr gestartet“, sagt die Direktorin", "2022-02-01"),
    ("7. Januar 20220", "2022-01-07"),  # a comment count glued on
    ("17/11/201917/11/2019 ~ Jo Roe", "2019-11-17"),
    ("Apr 7, 2009 Harbour board news", "2009-04-07"),
    ("• 2012-06-04 09:20 Hafen", "2012-06-04"),
])
def test_leading_date(line, iso):
    assert leading_date(line) == iso


def test_no_leading_date_inside_a_sentence():
    assert leading_date("Der Vorstand tagte am 1. Februar 2022 im Hafen") is None
    assert leading_date("3 people were rescued on 4 May 2020") is None
