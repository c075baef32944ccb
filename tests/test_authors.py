"""The learned byline reader: candidate spans, their features, and how names are chosen."""
import numpy as np

from dateline.article import assemble
from dateline.authors import (AUTHOR_FEATURES, Candidate, _TOKEN, author_candidates,
                              chosen_authors, name_spans)
from dateline.blocks import text_to_blocks
from dateline.labeller import Labelling
from dateline.model import Capture


def spans_of(line: str) -> list[str]:
    tokens = _TOKEN.findall(line)
    return [" ".join(tokens[a:b]) for a, b in name_spans(tokens)]


def test_name_spans_open_and_end_with_capitals():
    spans = spans_of("Publié par Camille Durand à 08:00")
    assert "Camille Durand" in spans
    assert "par Camille" not in spans and "Durand à" not in spans
    # in a run of five words or more a lone capitalised word is a noun: no one-word spans
    assert "Camille" not in spans and "Publié" not in spans
    assert {"Camille", "Durand", "Camille Durand"} <= set(spans_of("par Camille Durand | 08:00"))


def test_name_spans_keep_particles_inside_a_name():
    assert "Alexa von Heyden" in spans_of("Text: Alexa von Heyden | 3. Mai 2023")
    assert "Alexa von" not in spans_of("Text: Alexa von Heyden | 3. Mai 2023")


def test_a_lone_word_between_marks_is_a_candidate_even_in_lower_case():
    # a user name ("wurzelwerk") stands between a date and a comment link
    assert "wurzelwerk" in spans_of("14. März 2021 · wurzelwerk · Kommentar")


def test_cjk_name_after_a_full_width_colon():
    assert "王小明" in spans_of("责任编辑：王小明")


def assembled(text: str, body: list[float]):
    blocks = text_to_blocks(text)
    probs = np.array(body + [0.0] * (len(blocks) - len(body)))
    return assemble(blocks, Labelling(body=probs, title=np.zeros(len(blocks))),
                    Capture(text, "text"))


PAGE = ("Home | News | Kontakt\n\n"
        "Brücke über die Saale wird saniert\n\n"
        "Eingetragen am 14. März 2021 vom Saaletal Team\n\n"
        + "\n\n".join(f"Der Stadtrat hat am Montag beschlossen, die Brücke Nummer {n} bis zum "
                      "Sommer zu sanieren, wie die Verwaltung mitteilte; die Arbeiten sollen "
                      "im März beginnen und den Verkehr kaum stören." for n in range(6))
        + "\n\nImpressum | Datenschutz\n")


def test_candidates_carry_one_feature_row_each():
    article, state = assembled(PAGE, [0.0, 0.1, 0.1] + [0.95] * 6)
    vocab: dict[str, int] = {}
    candidates, rows = author_candidates(state, article.authors, vocab)
    assert rows.shape == (len(candidates), len(AUTHOR_FEATURES))
    texts = [c.text for c in candidates]
    assert "Saaletal Team" in texts
    row = rows[texts.index("Saaletal Team")]
    assert row[AUTHOR_FEATURES.index("n_words")] == 2
    assert row[AUTHOR_FEATURES.index("in_body")] == 0
    assert row[AUTHOR_FEATURES.index("rel_first_body")] < 0  # above the body
    # a word the vocabulary does not hold gets the "other" code
    assert row[AUTHOR_FEATURES.index("prev_word")] == len(vocab)


def test_long_body_paragraphs_hold_no_candidates():  # (over ``BODY_LINE_MAX_WORDS`` words)
    article, state = assembled(PAGE, [0.0, 0.1, 0.1] + [0.95] * 6)
    candidates, _ = author_candidates(state, [], {})
    body_blocks = set(state.body)
    assert not any(c.block in body_blocks for c in candidates)


def test_chosen_authors_take_the_best_name_and_co_authors_of_its_line():
    candidates = [Candidate("Jane Doe", 4, 1), Candidate("Jane", 4, 1),
                  Candidate("John Roe", 4, 4), Candidate("Ann Other", 9, 0)]
    scores = np.array([0.9, 0.6, 0.5, 0.8])
    assert chosen_authors(candidates, scores, 0.3, 0.4) == ["Jane Doe", "John Roe"]
    assert chosen_authors(candidates, scores, 0.95, 0.4) == []  # nobody trusted enough
    assert chosen_authors([], np.array([]), 0.3, 0.3) == []


def team_page() -> str:
    body = "\n\n".join(f"Der Gemeinderat hat am Montagabend die Sanierung der Brücke Nummer {n} "
                       "beschlossen, teilte die Verwaltung am Dienstag mit; die Arbeiten sollen "
                       "zwei Jahre dauern." for n in range(6))
    return ("Start | Nachrichten | Kontakt\n\nDie Brücke über die Saale wird saniert\n\n"
            f"vom Saaletal-Team\n\n{body}\n\nImpressum | Datenschutz\n")


def test_the_shipped_reader_finds_a_byline_no_rule_reads():
    from dateline.api import extract

    assert extract(team_page()).authors == ["Saaletal-Team"]


def test_without_a_shipped_reader_the_rules_work_alone(monkeypatch):
    import dateline.labeller
    from dateline.api import extract

    monkeypatch.setattr(dateline.labeller, "load_author_model", lambda: None)
    assert extract(team_page()).authors == []
