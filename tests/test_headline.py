"""The headline ranker's candidate features (``dateline.headline``) on a small synthetic page."""
import numpy as np

from dateline.headline import RANK_FEATURES, candidate_features, content_words, metadata_near
from dateline.model import Block

LINES = [
    "Harbour Gazette",
    "Lost dog found safe after three nights in the woods",      # a teaser
    "Harbour board backs new ferry timetable",                  # the headline
    "By Jane Doe",
    "The harbour board approved the new ferry timetable on Tuesday evening.",
    "Boats will now leave every twenty minutes during the summer months.",
]


def blocks() -> list[Block]:
    return [Block(text=t, index=i, line_no=i + 1) for i, t in enumerate(LINES)]


def features() -> dict[str, np.ndarray]:
    page = blocks()
    title = np.array([0.1, 0.8, 0.7, 0.0, 0.0, 0.0])
    body = np.array([0.0, 0.1, 0.1, 0.1, 0.9, 0.9])
    rows = candidate_features(page, title, body, [1, 2], 4, [4, 5], {3})
    return {name: rows[:, k] for k, name in enumerate(RANK_FEATURES)}


def test_content_words_skip_short_words():
    assert content_words("The harbour is in a new era") == {"the", "harbour", "new", "era"}


def test_the_headline_shares_words_with_the_lead_and_a_teaser_does_not():
    f = features()
    assert f["overlap_lead"][1] > 0.5 and f["overlap_lead"][0] < 0.2  # only "the"
    assert f["metadata_after"][1] == 1.0 and f["metadata_after"][0] == 1.0
    assert f["p_rank"].tolist() == [0.0, 1.0]  # the teaser has the better title score
    assert f["offset"].tolist() == [-3.0, -2.0]


def test_metadata_near_candidates():
    assert metadata_near(blocks(), [2], lambda text: text.startswith("By ")) == {3}


def test_a_kicker_joined_with_a_spaced_colon_is_cut_from_the_headline():
    from dateline.headline import without_kicker

    assert without_kicker("Abstandsregeln und Fieberkontrollen : Wie Firmen ihre Beschäftigten "
                          "schützen", "de") == "Wie Firmen ihre Beschäftigten schützen"
    # French typography spaces every colon; a colon without the space is part of the headline
    assert without_kicker("Covid-19 et infox : comment une rumeur devient réalité", "fr") == \
        "Covid-19 et infox : comment une rumeur devient réalité"
    assert without_kicker("Kenji Fujimori: juicio continuará el 18 de mayo", "es") == \
        "Kenji Fujimori: juicio continuará el 18 de mayo"
