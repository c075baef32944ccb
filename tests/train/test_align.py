"""Training labels from aligning blocks to gold text."""
from dateline.blocks import text_to_blocks
from dateline.train.align import labels_from_gold, labels_from_snippets, title_labels

PAGE = """Home | World | Sport

Big storm hits the coast

By Jane Roe

Heavy rain swept across the coast on Sunday, flooding dozens of towns.

What happens next

Forecasters expect the rain to ease by Tuesday, officials said.

Share this article
"""
GOLD = ("Heavy rain swept across the coast on Sunday, flooding dozens of towns.\n"
        "What happens next\n"
        "Forecasters expect the rain to ease by Tuesday, officials said.")


def test_labels_from_full_gold():
    blocks = text_to_blocks(PAGE)
    labels = labels_from_gold(blocks, GOLD)
    assert dict(zip((b.text for b in blocks), labels)) == {
        "Home | World | Sport": 0, "Big storm hits the coast": 0, "By Jane Roe": 0,
        "Heavy rain swept across the coast on Sunday, flooding dozens of towns.": 1,
        "What happens next": 1,
        "Forecasters expect the rain to ease by Tuesday, officials said.": 1,
        "Share this article": 0}


def test_snippets_override_silver():
    blocks = text_to_blocks(PAGE)
    labels, weights = labels_from_snippets(blocks, ["flooding dozens of towns"],
                                           ["Share this article"], silver=GOLD)
    assert labels[3] == 1 and weights[3] == 1.0
    assert labels[-1] == 0 and weights[-1] == 1.0
    assert labels[5] == 1 and weights[5] < 1.0  # from the silver text


def test_title_labels():
    blocks = text_to_blocks(PAGE)
    assert title_labels(blocks, "Big Storm Hits the Coast") == [0, 1, 0, 0, 0, 0, 0]
    assert title_labels(blocks, None) == [-1] * 7
