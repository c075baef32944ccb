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


LYNX_MARKER_WORDS = """   Visitamos a feira no sábado e compramos frutas, pães e queijo para o
   nosso almoço de domingo com a família inteira, como fazemos todos os
   anos, e depois ficamos a conversar durante muito tempo no café perto do
   o almoço de domingo com a família inteira, como fazemos todos os anos em
   - e só voltamos para casa ao fim da tarde, cansados mas muito contentes.

   The committee will publish its findings in the report due out on Monday
   24. That report is expected to recommend changes to the way the council
   is run.

     * A real list item follows the paragraph here, indented under it
     * And a second item in the same list, also indented under the first
"""


def test_wrapped_line_opening_with_a_marker_word_is_joined():
    # "o" (Portuguese "the"), a dash or "24." at the start of a wrapped line is a word of the
    # sentence above, not a list marker: the line above is full and ends mid-sentence
    blocks = text_to_blocks(LYNX_MARKER_WORDS * 3)
    texts = [b.text for b in blocks]
    assert texts[0].startswith("Visitamos") and texts[0].endswith("muito contentes.")
    assert "perto do o almoço" in texts[0] and "anos em - e só" in texts[0]
    assert blocks[0].bullet == "" and blocks[0].wrapped == 5
    assert texts[1].endswith("council is run.") and "out on Monday 24. That" in texts[1]
    assert [b.bullet for b in blocks[2:4]] == ["*", "*"]


def test_indented_text_wraps_at_its_own_width():
    # lynx wraps indented paragraphs a few columns narrower than unindented headings: a
    # paragraph line is full at 74 columns even when a headline runs to 77
    import textwrap

    words = ("the council met again on a wet evening to go over the plan for the new bus "
             "lanes and the bike paths in the old town, and it took a long time to agree on "
             "it all ").split() * 6
    paragraph = textwrap.fill(" ".join(words), width=74, initial_indent="   ",
                              subsequent_indent="   ", break_on_hyphens=False)
    headline = "Council approves the bus lane plan for the old town after a long late meeting"
    assert len(headline) == 77 and max(map(len, paragraph.split("\n"))) <= 74
    text = "\n\n".join([headline, paragraph, headline, paragraph, headline])
    blocks = text_to_blocks(text)
    assert [b.text for b in blocks] == [headline, " ".join(words)] * 2 + [headline]


def test_wrapped_japanese_lines_are_joined_without_a_space():
    # lynx breaks text without spaces between words anywhere; joining must not add one
    sentence = ("港の新しい時刻表は火曜日の夜に承認され、夏の間は二十分ごとに船が出ることになりました。"
                "冬の間は一時間ごとに出る予定で、料金は変わらないということです。")
    paragraph = "\n".join("   " + sentence[i:i + 40] for i in range(0, len(sentence), 40))
    filler = "   " + "The harbour board met again on a wet evening to go over the timetable" + " ok"
    text = "\n\n".join([paragraph] + [filler] * 10)
    blocks = text_to_blocks(text)
    assert blocks[0].text == sentence


NESTED = """   The council voted on Tuesday to approve the new budget for the city's
   schools, ending a months-long dispute between the mayor and the union
   that represents teachers in the district and the support staff too.

       In favour of the plan, the council listed these arguments at length:
       * It may become more costly to repair the school buildings later,
       due to rising prices for materials and labour in the region.
       * A second item that is short.

   German imperialist history has also often been overlooked in
   part because the size of its empire remained relatively small, compared
   to the empires of other European powers, including Britain and France.
"""


def test_list_item_continued_at_its_marker_column_is_joined():
    texts = [b.text for b in text_to_blocks(NESTED * 2)]
    assert "It may become more costly to repair the school buildings later, due to rising " \
           "prices for materials and labour in the region." in texts
    assert "A second item that is short." in texts


def test_lower_case_line_after_a_long_line_is_joined():
    # "in part" was glued by a no-break space in the page, so lynx moved both words down
    texts = [b.text for b in text_to_blocks(NESTED * 2)]
    assert any(t.startswith("German imperialist history has also often been overlooked in part because")
               and t.endswith("Britain and France.") for t in texts)
