"""Segmentation: wrapped lines joined, bullets and layout kept as signals."""
from dateline.blocks import text_to_blocks, wrap_width

LYNX = """   Menu
     * World
     * Business

   The council voted on Tuesday to approve the new budget for the city's
   schools, ending a months-long dispute between the mayor and the union
   that represents teachers.

   "We finally have a deal," the mayor said after the vote on Tuesday
   evening in the packed chamber of the old town hall downtown.
"""


def test_wrapped_paragraphs_are_joined():
    blocks = text_to_blocks(LYNX * 3)
    texts = [b.text for b in blocks]
    assert texts[3].startswith("The council voted") and texts[3].endswith("represents teachers.")
    assert blocks[3].wrapped == 3
    assert texts[4].startswith('"We finally have a deal,"') and texts[4].endswith("downtown.")


def test_bullets_are_stripped_and_kept():
    blocks = text_to_blocks(LYNX * 3)
    assert blocks[1].text == "World" and blocks[1].bullet == "*"
    assert blocks[0].bullet == "" and blocks[0].blank_before == 0
    assert blocks[3].blank_before == 1


def test_unwrapped_capture_keeps_lines_apart():
    text = "Short line one\nShort line two\n\n• Item\n"
    blocks = text_to_blocks(text)
    assert [b.text for b in blocks] == ["Short line one", "Short line two", "Item"]
    assert blocks[2].bullet == "•" and blocks[2].line_no == 4


def test_wrap_width_only_for_wrapped_text():
    assert wrap_width(LYNX.split("\n") * 3) in range(60, 80)
    assert wrap_width(["x" * 300, "y" * 120] * 10) == 0
    assert wrap_width([]) == 0


def test_numbered_list_marker():
    blocks = text_to_blocks("1. Preheat the oven\n2) Mix the flour\n")
    assert [b.bullet for b in blocks] == ["1.", "2)"]
    assert blocks[0].text == "1. Preheat the oven"


def test_clean_spaces_folds_only_what_needs_folding():
    from dateline.blocks import clean_spaces

    assert clean_spaces("  plain words ") == "plain words"
    assert clean_spaces("two  spaces\tand a tab") == "two spaces and a tab"
    assert clean_spaces("non\u00a0breaking\u2009thin, soft\u00adhyphen") == \
        "non breaking thin, softhyphen"
    assert clean_spaces("zero\u200bwidth \u3000 wide") == "zerowidth wide"
    assert clean_spaces("naïve café") == "naïve café"
