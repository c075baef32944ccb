"""Body selection rules of ``dateline.article`` on small synthetic pages (labels given by hand)."""
import numpy as np
import pytest

from dateline.article import Assembly, cut_comment_section, select_body
from dateline.labeller import Labelling
from dateline.model import Block


def page(lines: list[str]) -> list[Block]:
    """Blocks of a synthetic page, one per line."""
    return [Block(text=line, index=i, line_no=i + 1) for i, line in enumerate(lines)]


def selected(lines: list[tuple[str, float]]) -> list[str]:
    """Texts ``select_body`` keeps from (text, body probability) pairs."""
    blocks = page([text for text, _ in lines])
    probs = np.array([p for _, p in lines])
    state = Assembly(blocks, Labelling(body=probs, title=np.zeros(len(lines))))
    return [blocks[i].text for i in select_body(state)]


def selected_article(lines: list[tuple[str, float]]) -> list[str]:
    """Texts of the assembled article's body from (text, body probability) pairs, the first
    line standing as the headline."""
    from dateline.article import blocks_to_article
    from dateline.model import Capture

    blocks = page(["Harbour board backs new ferry timetable"] + [text for text, _ in lines])
    probs = np.array([0.1] + [p for _, p in lines])
    article = blocks_to_article(blocks, Labelling(body=probs, title=np.zeros(len(blocks))),
                                Capture(text="\n".join(b.text for b in blocks), kind="text"))
    return [b.text for b in article.body]


def page_metadata(lines: list[str], probs: list[float],
                  title_index: int = 0) -> tuple["Article", Assembly]:
    """The metadata ``read_metadata`` takes from a synthetic page (body probabilities given),
    and the assembly state with its claims."""
    from dateline.article import read_metadata
    from dateline.model import Article

    state = Assembly(page(lines), Labelling(body=np.array(probs), title=np.zeros(len(lines))))
    article = Article(source="t")
    read_metadata(state, article, select_body(state), title_index)
    return article, state


ARTICLE = [("The harbour board approved the new ferry timetable on Tuesday evening.", 0.9),
           ("Boats will now leave every twenty minutes during the summer months.", 0.9)]
ARTICLE_TEXT = [text for text, _ in ARTICLE]


def test_comment_thread_after_a_header_ends_the_body():
    lines = ARTICLE + [("3 Comments", 0.1),
                       ("Dana Whitfield on March 4, 2021 at 9:12 am said:", 0.2),
                       ("I think the evening boats should run later than that.", 0.8),
                       ("Rui Costa on March 5, 2021 at 1:40 pm said:", 0.2),
                       ("Agreed, the last boat at nine is far too early.", 0.7)]
    assert selected(lines) == ARTICLE_TEXT


def test_comment_lines_without_a_header_end_the_body():
    lines = ARTICLE + [("Milo says:", 0.1), ("Finally some good news for commuters here.", 0.8),
                       ("Ines says:", 0.1), ("Will the weekend service change as well?", 0.8)]
    assert selected(lines) == ARTICLE_TEXT


def test_comment_form_is_evidence_for_a_header():
    lines = ARTICLE + [("Leave a Reply", 0.1),
                       ("Your email address will not be published. Required fields are marked *", 0.2),
                       ("Save my name and email in this browser for the next time I comment.", 0.6)]
    assert selected(lines) == ARTICLE_TEXT


def test_comments_header_without_a_thread_is_kept_out_of_the_decision():
    # "12 Comments" under the byline links to the thread; the article goes on below it
    lines = [ARTICLE[0], ("12 Comments", 0.1)] + ARTICLE[1:] + [
        ("The board will review the timetable again in the autumn.", 0.9)]
    assert len(selected(lines)) == 3


def test_quoted_forum_post_is_not_a_comment_thread():
    lines = ARTICLE + [("Kim Osei said:", 0.2), ("The changes take effect next week.", 0.8),
                       ("Lee Park said:", 0.2), ("Tickets stay at the same price.", 0.8)]
    assert len(selected(lines)) == 4


def test_comment_section_above_the_body_does_not_count():
    blocks = page(["Comments", "Ann says:", "Nice.", "Bo says:", "Body one.", "Body two."])
    assert cut_comment_section(blocks, [4, 5]) == [4, 5]


def test_second_copy_of_the_article_is_dropped():
    from dateline.article import drop_repeats

    paragraph = "The harbour board approved the new ferry timetable on Tuesday evening after a long debate."
    blocks = page(["Ferry timetable approved", paragraph, "Boats will leave every twenty minutes.",
                   "Share this story", paragraph + " Boats will leave every twenty minutes."])
    state = Assembly(blocks, Labelling(body=np.ones(5), title=np.zeros(5)))
    assert drop_repeats(state, [1, 2, 4]) == [1, 2]
    assert state.reasons[4] == "repeated text"


def test_short_recurring_lines_are_kept():
    from dateline.article import drop_repeats

    blocks = page(["Battery life up to 20 hours", "Price check", "Battery life up to 20 hours"])
    state = Assembly(blocks, Labelling(body=np.ones(3), title=np.zeros(3)))
    assert drop_repeats(state, [0, 1, 2]) == [0, 1, 2]


def test_calls_to_action_are_not_body():
    lines = ARTICLE + [("Sign up for our free morning newsletter to get the day's harbour news.", 0.8),
                       ("Follow us on Twitter and Facebook.", 0.7),
                       ("Get the Harbour Times app for the latest timetables.", 0.6)]
    assert selected(lines) == ARTICLE_TEXT


def test_article_sentences_about_subscriptions_are_kept():
    lines = ARTICLE + [("Commuters who subscribe to the monthly pass will pay four euros less.", 0.9)]
    assert len(selected(lines)) == 3


def test_media_placeholders_are_not_body():
    lines = ARTICLE + [("[harbour-ferry-night-580x386]", 0.6), ("ferry_01.jpg ferry_02.jpg", 0.5),
                       ("IFRAME: https://video.example.org/embed/42", 0.5),
                       # a long frame URL lynx wrapped, its pieces joined with a space
                       ("IFRAME: http://www.example.org/plugins/like.php?href=http%3A%2F%2Fwww.har"
                        " bour-times.example%2F2018%2Fferry", 0.5),
                       ("[jiFgl7LHh4HHIh2kHaft40bMma0O_H0LWr2VeDWJByyKq oGQ_tIvvmaSkMQFeAsob]", 0.5)]
    assert selected(lines) == ARTICLE_TEXT


def test_a_byline_is_never_the_headline_fallback():
    from dateline.article import find_title

    blocks = page(["Von Katrin Müller", ARTICLE[0][0], ARTICLE[1][0]])
    state = Assembly(blocks, Labelling(body=np.array([0.1, 0.9, 0.9]), title=np.zeros(3)))
    assert find_title(state, [1, 2]) is None
    blocks[0] = Block(text="Harbour board backs new ferry timetable", index=0, line_no=1)
    assert find_title(Assembly(blocks, state.labels), [1, 2]) == 0


def test_a_chrome_line_is_no_headline_candidate():
    from dateline.article import find_title, is_chrome_line

    assert is_chrome_line("Skip to main content") and is_chrome_line("Privacy policy")
    assert not is_chrome_line("Facebook fights the new platform law in court")
    blocks = page(["Skip to main content", ARTICLE[0][0], ARTICLE[1][0]])
    state = Assembly(blocks, Labelling(body=np.array([0.1, 0.9, 0.9]),
                                       title=np.array([0.9, 0.0, 0.0])))
    assert find_title(state, [1, 2]) is None


def test_headline_candidates_start_at_the_main_body_run_not_a_stray_block():
    from dateline.article import main_run_start, title_candidates

    cookie = "We use cookies to improve your experience on this site and to show ads."
    lines = [cookie] + [f"Menu item {i}" for i in range(12)] + \
        ["Harbour board approves the new ferry timetable", ARTICLE[0][0], ARTICLE[1][0]]
    probs = [0.9] + [0.0] * 12 + [0.2, 0.9, 0.9]
    blocks = page(lines)
    state = Assembly(blocks, Labelling(body=np.array(probs), title=np.zeros(len(lines))))
    assert main_run_start(blocks, [0, 14, 15]) == 14
    candidates, first_body = title_candidates(state, [0, 14, 15])
    assert first_body == 14 and 13 in candidates  # the headline above the article is one


def test_title_shape():
    from dateline.article import title_shaped

    assert title_shaped("Willkommen!") and title_shaped("Time to say goodbye.")
    assert not title_shaped("Disclosure: we may earn a commission when you buy through links "
                            "on our site.")
    assert not title_shaped("← Older post: harbour board backs new timetable")
    assert not title_shaped("Next post: harbour board backs new timetable →")
    assert not title_shaped("© 2024 Harbour Gazette, all rights reserved")
    assert title_shaped("« Les privatisations sont au profit d'intérêts privés »")


def test_a_date_far_from_the_article_is_used_when_none_is_near():
    from dateline.article import read_metadata
    from dateline.model import Article

    lines = ["Harbour Gazette", "12 March 2024", *(f"Menu item {k}" for k in range(20)),
             "Harbour board backs new ferry timetable", ARTICLE[0][0], ARTICLE[1][0]]
    blocks = page(lines)
    probs = np.array([0.0] * (len(lines) - 2) + [0.9, 0.9])
    state = Assembly(blocks, Labelling(body=probs, title=np.zeros(len(lines))))
    article = Article(source="t")
    body = select_body(state)
    read_metadata(state, article, body, len(lines) - 3)
    assert article.published == "2024-03-12" and state.reasons[1] == "date"


def test_keyword_line_under_a_tags_header_is_not_body():
    keywords = "harbour ferry, summer timetable, city of port lane harbour board, boats"
    lines = ARTICLE + [("Tags", 0.1), (keywords, 0.7)]
    assert selected(lines) == ARTICLE_TEXT
    # a sentence with commas under it is kept, and so is a keyword-like line elsewhere
    sentence = "Ferries, buses and trams will all run later, the board said."
    assert selected(ARTICLE + [("Tags", 0.1), (sentence, 0.7)])[-1] == sentence
    assert selected(ARTICLE + [(keywords, 0.7)])[-1] == keywords


def test_rail_of_glued_teasers_is_not_body():
    # a renderer glued each teaser's headline to its summary ("...In WoodlandsA family...")
    rail = [("Ferry Strike Ends After Two Days Of Talks At The HarbourThe union and the board "
             "agreed on a new contract late on Monday night.", 0.9),
            ("City Council Approves Budget For 12 New Bus LanesA majority of members backed "
             "the plan after a long debate on Thursday.", 0.9),
            ("Lost Dog Found Safe After Three Nights In WoodlandsA family from the north side says "
             "their terrier was found by a jogger.", 0.8)]
    assert selected(rail + ARTICLE) == ARTICLE_TEXT
    assert selected(rail[:2] + ARTICLE) == ARTICLE_TEXT  # two are a rail
    # one such line is not a rail: a brand name or a typo in an article stays
    assert len(selected(rail[:1] + ARTICLE)) == 3


def test_brand_names_are_not_glued_teasers():
    from dateline.article import glued_teaser

    assert not glued_teaser("Apple’s 12-inch MacBook 256GB is on sale today at a price lower than "
                            "it has ever been before.")
    assert not glued_teaser("In October, Rep. David McKinley visited the border and met "
                            "with the local officials there.")
    assert glued_teaser("Harbour Board To Mail Timetables To 250,000The board will send the "
                        "new timetable to every household.")


def test_body_starting_inside_the_comment_thread_falls_back_above_it():
    # the labeller scored the article just under the threshold and the comments above it
    lines = [("Open thread for March", 0.1),
             ("This is our monthly open thread: ask us anything about the ferry plans.", 0.4),
             ("Comments", 0.05),
             ("Dana Whitfield on March 4, 2021 at 9:12 am said:", 0.2),
             ("When will the evening boats start running later than nine?", 0.8),
             ("Rui Costa on March 5, 2021 at 1:40 pm said:", 0.2),
             ("Agreed, the last boat at nine is far too early for most of us.", 0.7)]
    assert selected(lines) == [lines[1][0]]


def test_body_starting_deep_inside_the_comment_thread_falls_back_above_it():
    # the labeller's body starts at the fourth comment: the thread began far above it
    lines = [("Open thread for March", 0.1),
             ("This is our monthly open thread: ask us anything about the ferry plans.", 0.35),
             ("Comments", 0.05)]
    for n, (name, comment) in enumerate([
            ("Dana Whitfield", "When will the evening boats start running later than nine?"),
            ("Rui Costa", "Agreed, the last boat at nine is far too early for most of us."),
            ("Ann Lee", "The board said in its minutes that the summer timetable is final."),
            ("Harbour Board", "Thanks all: the late boats start in June, as the board decided.")]):
        lines += [(f"{name} on March {n + 4}, 2021 at 9:12 am said:", 0.1),
                  (comment, 0.7 if n == 3 else 0.35)]
    assert selected(lines) == [lines[1][0]]


def test_paragraph_followed_by_read_more_stays_body():
    # a video embed's "Read More" after a paragraph does not make the paragraph a teaser
    paragraph = ("\"With no timetable changes due this winter, attention will stay on the summer "
                 "service and on the price of the monthly pass,\" said the head of the harbour "
                 "board at the meeting on Tuesday evening.")
    lines = ARTICLE + [(paragraph, 0.9), ("Read More", 0.2), ("Ferry Strike Ends After Two Days", 0.6),
                       ("Read more", 0.1)]
    assert selected(lines) == ARTICLE_TEXT + [paragraph]


def test_japanese_paragraph_needs_a_lower_score():
    japanese = "港の新しい時刻表は火曜日の夜に承認され、夏の間は二十分ごとに船が出ることになりました。"
    lines = ARTICLE + [(japanese, 0.42), ("The board will meet again in the autumn.", 0.42)]
    assert selected(lines) == ARTICLE_TEXT + [japanese]
    assert selected(ARTICLE + [(japanese, 0.3)]) == ARTICLE_TEXT


def test_list_of_headlines_with_comment_counts_is_not_body():
    most_commented = [("Ferry strike ends after two days of talks (145)", 0.6),
                      ("Council approves the new bus lanes (142)", 0.6),
                      ("Week 12 harbour traffic rankings (133)", 0.6)]
    assert selected(most_commented + ARTICLE) == ARTICLE_TEXT
    assert selected(most_commented[:2] + ARTICLE) == ARTICLE_TEXT
    # one such line, or rows of a table with sentences in them, stay
    assert len(selected(most_commented[:1] + ARTICLE)) == 3
    rows = [("Red Plate Full of antioxidants. Red Cabbage (1)", 0.6),
            ("Algae Soup It's a little slimy. Green Algae (4)", 0.6),
            ("Pale Broth A delicate broth. White Algae (2)", 0.6)]
    assert len(selected(rows + ARTICLE)) == 5


def test_comment_form_without_a_header_ends_the_body():
    lines = ARTICLE + [("Please be mindful of our community standards.", 0.3),
                       ("Your email address will not be published. Required fields are marked *", 0.3),
                       ("By submitting this form you agree to us using your data for publishing "
                        "your comment.", 0.6)]
    assert selected(lines) == ARTICLE_TEXT


def test_rail_of_dated_teaser_cards_is_not_body():
    cards = []
    for title, author, snippet in [
            ("Why the harbour needs more ferries", "Ann Lee", "The ferries are full every morning."),
            ("What made the bus strike so long", "Bo Park", "Nobody expected the strike to last."),
            ("The bike lanes are a quiet success", "Cy Dunn", "Cyclists have doubled since May."),
            ("Tram fares will rise again in June", "Di Moss", "The council wants more money."),
            ("A new bridge for the old town", "Ed Wynn", "Work on the bridge starts in spring.")]:
        cards += [(title, 0.3), (author, 0.2), ("Wednesday November 20, 2019", 0.2), (snippet, 0.7)]
    kept = selected(ARTICLE + [("More from the Harbour Times", 0.1)] + cards)
    assert kept == ARTICLE_TEXT + ["The ferries are full every morning."]
    # a table of names, dates and long descriptions (a wiki) is no rail
    rows = []
    for name in ("Ann Lee", "Bo Park", "Cy Dunn", "Di Moss", "Ed Wynn"):
        rows += [(name, 0.2), ("30 June, 1997", 0.2),
                 (f"{name} used the charm during the battle at the harbour.", 0.7)]
    assert len(selected(ARTICLE + rows)) == 7


def test_ad_slot_labels_are_not_body():
    lines = ARTICLE[:1] + [("Advertisement", 0.6), ("- Anzeige -", 0.6)] + ARTICLE[1:]
    assert selected(lines) == ARTICLE_TEXT


def test_a_name_line_next_to_the_date_line_at_the_top_of_the_body_is_the_byline():
    lines = ["Harbour board backs new ferry timetable", ARTICLE[0][0], "Carmen Valdivia",
             "Actualizado el 08/05/2022 02:14 a.m.", ARTICLE[1][0]]
    article, state = page_metadata(lines, [0.0, 0.9, 0.6, 0.2, 0.9])
    assert article.authors == ["Carmen Valdivia"] and state.reasons[2] == "byline"


def test_a_capture_showing_only_an_update_date_is_published_that_day():
    from dateline.api import extract

    text = ("City council backs harbour plan\n\nUpdated 10:14 GMT March 14, 2021\n\n"
            + "The city council voted on Tuesday to back the new harbour plan after months "
              "of debate among residents and business owners. " * 4)
    article = extract(text)
    assert article.published.startswith("2021-03-14") and article.updated.startswith("2021-03-14")
    assert any("update date" in w for w in article.warnings)


def test_a_staff_list_after_the_article_is_not_body():
    from dateline.article import drop_name_lists

    names = ["Editorial", "David Miller", "Doreen Marsh", "David Emery", "Anna Kasper",
             "Operations", "Ryan Mills", "Chris Reid"]
    blocks = page([ARTICLE[0][0], ARTICLE[1][0], *names])
    state = Assembly(blocks, Labelling(body=np.full(len(blocks), 0.9),
                                       title=np.zeros(len(blocks))))
    kept = drop_name_lists(state, list(range(len(blocks))))
    assert kept == [0, 1] and state.reasons[3] == "list of names"
    # four names are not enough to call it a staff list
    assert drop_name_lists(state, [0, 1, 3, 4, 5, 6]) == [0, 1, 3, 4, 5, 6]


def test_a_byline_split_over_two_lines_is_read():
    lines = ["Harbour board backs new ferry timetable", "Von", "Jana Kessler", ARTICLE[0][0],
             ARTICLE[1][0]]
    article, state = page_metadata(lines, [0.0, 0.0, 0.1, 0.9, 0.9])
    assert article.authors == ["Jana Kessler"] and state.reasons[1] == state.reasons[2] == "byline"


def test_a_date_glued_before_the_headline_is_not_part_of_it():
    from dateline.article import clean_title

    assert clean_title("27.01.2022Heizölpreise im Januar") == "Heizölpreise im Januar"
    assert clean_title("12.03.2024 - Stadtrat beschließt Haushalt") == "Stadtrat beschließt Haushalt"
    assert clean_title("12.03.2024") == "12.03.2024"


def test_a_rule_drawn_before_the_headline_is_not_part_of_it():
    from dateline.article import clean_title

    # w3m draws an <hr> as a box-drawing rule and may join the next heading to it
    assert clean_title("━━━━━━━━━━ Les retraites en débat") == "Les retraites en débat"
    assert clean_title("[Review] Love is War") == "[Review] Love is War"


def test_page_notices_are_not_body():
    lines = ARTICLE + [("Copyright 2025 The Associated Press. All rights reserved.", 0.8),
                       ("This material may not be published, broadcast, rewritten or redistributed.", 0.7),
                       ("Temps de lecture : 4 min", 0.6), ("5 min read", 0.6),
                       ("Disclosure: Harbour Times may earn a commission when you buy through links "
                        "on our site.", 0.8)]
    assert selected(lines) == ARTICLE_TEXT


def test_sentences_about_copyright_are_kept():
    lines = ARTICLE + [("Copyright law is changing in Europe, and publishers say all rights reserved "
                        "to them are at stake.", 0.9),
                       ("By Ela on 31 October 2023 | This post may contain affiliate links.", 0.6)]
    assert len(selected(lines)) == 4  # the second is the byline and date: read_metadata's


def test_a_caption_closed_by_a_credit_line_is_not_body():
    from dateline.article import blocks_to_article
    from dateline.model import Capture

    texts = ["Harbour board backs new ferry timetable", "[ferry-at-night.jpg]",
             "The Skarv at the Kestrel Bay terminal on Monday.", "Photograph: Jana Roth",
             ARTICLE[0][0], ARTICLE[1][0]]
    blocks = page(texts)
    for block in blocks[1:]:
        block.blank_before = 1
    blocks[3].blank_before = 0  # the credit sits tight under its caption
    probs = np.array([0.1, 0.6, 0.7, 0.3, 0.9, 0.9])
    article = blocks_to_article(blocks, Labelling(body=probs, title=np.zeros(6)),
                                Capture(text="\n".join(texts), kind="text"))
    assert article.photo_credits == ["Jana Roth"]
    assert [b.text for b in article.body] == [ARTICLE[0][0], ARTICLE[1][0]]
    blocks[3].blank_before = 1  # a credit line apart from the paragraph above: no caption
    article = blocks_to_article(blocks, Labelling(body=probs, title=np.zeros(6)),
                                Capture(text="\n".join(texts), kind="text"))
    assert "The Skarv at the Kestrel Bay terminal on Monday." in article.text


def test_a_cookie_box_is_no_headline():
    from dateline.article import is_chrome_line

    assert is_chrome_line("Vos choix concernant l'utilisation des cookies")
    assert is_chrome_line("Accepter et fermer   Refuser   Paramétrer")
    assert is_chrome_line("Accept all Reject all Manage settings")
    assert not is_chrome_line("Google delays the end of third-party cookies in Chrome")
    assert not is_chrome_line("Reject the deal, unions tell workers")


def test_a_wire_storys_dateline_credits_the_agency():
    from dateline.article import dateline_agencies
    from dateline.model import BodyBlock

    def agencies(text):
        return dateline_agencies([BodyBlock(kind="paragraph", text=text)])

    assert agencies("LONDON, March 3 (Reuters) - Swedish ferry operator Kessel Line will cut") == \
        ["Reuters"]
    assert agencies("ANCHORAGE, Alaska (AP) — Volunteers counted 1,200 otters.") == ["AP"]
    assert agencies("Paris (AFP/dpa) - Die Regierung hat am Montag") == ["AFP", "dpa"]
    assert agencies("WASHINGTON (CNN) — The Senate voted on Tuesday.") == []  # no news agency
    assert agencies("The council (led by Ana Ruiz) - a coalition - voted no.") == []


def test_a_most_read_rail_lists_its_headlines_as_teasers():
    from dateline.article import blocks_to_article
    from dateline.model import Capture

    texts = ["Harbour board backs new ferry timetable", ARTICLE[0][0], ARTICLE[1][0],
             "Lo más visto", "1. Qué se sabe del nuevo calendario de festivos",
             "2. La ola de frío deja temperaturas bajo cero", "9 min ago",
             "Recibe el boletín de La Crónica", "Terms of Service",
             "Latest", "Copper climbs as Chinese smelters trim output", "an hour ago",
             "Copper climbs as Chinese smelters trim output"]
    probs = np.array([0.1, 0.9, 0.9] + [0.05] * 10)
    article = blocks_to_article(page(texts), Labelling(body=probs, title=np.zeros(13)),
                                Capture(text="\n".join(texts), kind="text"))
    assert article.teasers == ["Qué se sabe del nuevo calendario de festivos",
                               "La ola de frío deja temperaturas bajo cero",
                               "Copper climbs as Chinese smelters trim output"]


def test_the_writers_bio_and_contact_line_close_the_body():
    from dateline.article import drop_author_notes

    texts = [ARTICLE[0][0], ARTICLE[1][0],
             "Ruth Okafor covers city government and schools for the Gazette.",
             "Contact her at rokafor@gazette.example or 555-0142."]
    state = Assembly(page(texts), Labelling(body=np.full(4, 0.9), title=np.zeros(4)))
    assert drop_author_notes(state, [0, 1, 2, 3]) == [0, 1]
    assert state.reasons[3] == "author note"
    texts = ["Anna Berg is a professor of urban sociology and has studied libraries.",
             ARTICLE[0][0], ARTICLE[1][0], "the editor said it was a good year."]
    state = Assembly(page(texts), Labelling(body=np.full(4, 0.9), title=np.zeros(4)))
    assert drop_author_notes(state, [0, 1, 2, 3]) == [0, 1, 2, 3]  # not at the end; no name


def test_a_tag_line_in_the_body_is_tags():
    lines = ARTICLE + [("Tags: backup, photos, cloud storage", 0.7)]
    assert selected(lines) == ARTICLE_TEXT


def test_a_name_line_between_the_lead_and_the_next_paragraph_is_the_byline():
    lines = ["Harbour board backs new ferry timetable", ARTICLE[0][0], "Marie Rövekamp",
             ARTICLE[1][0]]
    article, state = page_metadata(lines, [0.0, 0.9, 0.3, 0.9])
    assert article.authors == ["Marie Rövekamp"] and state.reasons[2] == "byline"


def test_the_whole_name_on_the_date_line_is_the_byline():
    lines = ["Harbour board backs new ferry timetable", "Ariel Melgar Cabrera 3/5/2022 22:41",
             ARTICLE[0][0], ARTICLE[1][0]]
    article, state = page_metadata(lines, [0.0, 0.1, 0.9, 0.9])
    assert article.authors == ["Ariel Melgar Cabrera"] and article.published == "2022-03-05T22:41:00"


def test_a_name_line_above_the_headline_is_no_section():
    from dateline.article import find_section

    blocks = page(["Christian Mihatsch", "Harbour board backs new ferry timetable", ARTICLE[0][0]])
    state = Assembly(blocks, Labelling(body=np.array([0.0, 0.0, 0.9]), title=np.zeros(3)))
    assert find_section(state, 1) is None


def test_the_date_on_the_byline_line_beats_a_bare_date_above_it():
    lines = ["29 Jan 2014", "Harbour board backs new ferry timetable",
             "27. Januar 2014 by Barbara Russ / Kategorien: Event", ARTICLE[0][0], ARTICLE[1][0]]
    article, state = page_metadata(lines, [0.0, 0.0, 0.1, 0.9, 0.9], 1)
    assert article.authors == ["Barbara Russ"] and article.published == "2014-01-27"


def test_a_published_cue_in_a_sentence_does_not_beat_the_date_line():
    lines = ["Harbour board backs new ferry timetable", "7. Jun 2017, 11:19", ARTICLE[0][0],
             "Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung „der Freitag“ erschienen.",
             ARTICLE[1][0]]
    article, state = page_metadata(lines, [0.0, 0.1, 0.9, 0.9, 0.9])
    assert article.published.startswith("2017-06-07")


def test_addresses_file_names_and_php_warnings_are_no_headline():
    from dateline.article import title_shaped

    assert not title_shaped("Penny.png")
    assert not title_shaped("https://example.org/health/588409/what-happens-to-your-brain")
    assert not title_shaped("Deprecated: Assigning the return value of new by reference is "
                            "deprecated in /www/htdocs/wp-settings.php on line 520")
    assert title_shaped("Penny")


def test_a_name_line_signing_the_article_below_it_is_the_byline():
    def authors(after: list[str]) -> list[str]:
        lines = ["Harbour board backs new ferry timetable", *ARTICLE_TEXT, *after]
        return page_metadata(lines, [0.0, 0.9, 0.9] + [0.1] * len(after))[0].authors

    assert authors(["Claudia Duwe", "Zum Weiterlesen: Claudia Duwe, Der Zukunft vertrauen"]) == \
        ["Claudia Duwe"]
    assert authors(["Angela Merkel", "Politik", "Bundesregierung"]) == []  # tags
    assert authors(["Kontakt:", "Jan Koch", "Telefon +49 (0)40 / 49 07 11 06"]) == []


def test_recommendation_header_above_snippets_ends_the_body():
    lines = ARTICLE + [("Você pode gostar...", 0.1), ("Whatsapp Facebook Pinterest", 0.05),
                       ("A vida requer da gente otimismo e coragem para esperar o melhor.", 0.9),
                       ("Whatsapp Facebook Pinterest", 0.05),
                       ("O que une uma família é o amor, o carinho, o querer bem.", 0.9)]
    assert selected(lines) == ARTICLE_TEXT


def test_recommendation_header_far_above_body_text_does_not_cut():
    # a "You may also like" box of links mid-article: the article resumes below the links
    lines = ARTICLE + [("You may also like", 0.1), ("Ferry fares rise again", 0.1),
                       ("New pier opens in spring", 0.1), ("Harbour fog delays boats", 0.1),
                       ("The board will review the timetable again next year.", 0.9)]
    assert len(selected(lines)) == 3


def test_tag_list_closes_the_article():
    lines = ARTICLE + [("The new timetable starts on the first of June, the board said.", 0.9),
                       ("Tags", 0.1), ("ferries, harbour, timetable", 0.2),
                       ("ATTENTION: comments are moderated before they appear.", 0.9)]
    assert selected(lines) == [text for text, _ in lines[:3]]


def test_tag_list_above_most_of_the_body_does_not_cut():
    long_tail = [("Boats will run late on Fridays, and the last one leaves at midnight. " * 4, 0.9)]
    lines = ARTICLE + [("Tags: ferries, harbour, timetable", 0.2)] + ARTICLE + long_tail * 3
    assert len(selected(lines)) == 7


def test_closing_appeal_for_support_is_not_body():
    from dateline.article import blocks_to_article
    from dateline.model import Capture

    texts = ["Ferry timetable approved"] + [t for t, _ in ARTICLE] + [
        "The board will review the timetable again next year, its chair said.",
        "A Word to Our Readers", "Support Gazette and make a difference for readers everywhere."]
    probs = np.array([0.1, 0.9, 0.9, 0.9, 0.6, 0.8])
    article = blocks_to_article(page(texts), Labelling(body=probs, title=np.array(
        [0.9, 0, 0, 0, 0, 0])), Capture(text="", kind="text"))
    assert [b.text for b in article.body] == texts[1:4]


def test_headline_copy_above_the_headline_is_not_body():
    from dateline.article import Assembly, without_title_copies

    blocks = page(["Ferry timetable approved", "Ferry timetable approved", "Body text here.",
                   "Ferry timetable approved"])
    state = Assembly(blocks, Labelling(body=np.ones(4), title=np.zeros(4)))
    assert without_title_copies(state, [0, 2, 3], 1) == [2, 3]
    assert state.reasons[0] == "headline repeated" and 3 not in state.reasons


def spaced(lines: list[tuple[str, float, int]]) -> list[str]:
    """Texts ``select_body`` keeps from (text, body probability, blank lines before) triples."""
    blocks = [Block(text=text, index=i, line_no=i + 1, blank_before=blank)
              for i, (text, _, blank) in enumerate(lines)]
    probs = np.array([p for _, p, _ in lines])
    state = Assembly(blocks, Labelling(body=probs, title=np.zeros(len(lines))))
    return [blocks[i].text for i in select_body(state)]


TOUR = [("The ferry company published the summer timetable for its island routes:", 0.8, 1),
        ("June 9 -- Harbour Quay to North Island, 7:40", 0.5, 0),
        ("June 10 -- North Island to Gull Rock, 9:15", 0.3, 0),
        ("June 14 -- Gull Rock to Harbour Quay, 18:05", 0.05, 0)]


def test_a_list_under_a_colon_line_stays_body_as_its_scores_fade():
    lines = [(text, p, 1) for text, p in ARTICLE] + TOUR + [("Share on Facebook", 0.05, 1)]
    assert spaced(lines) == ARTICLE_TEXT + [text for text, _, _ in TOUR]


def test_links_under_a_more_header_or_menu_lines_are_no_list():
    related = [("More from the harbour desk:", 0.6, 1),
               ("Ferry strike ends after two days of talks", 0.2, 0),
               ("New pier opens to walkers in spring", 0.2, 0)]
    menu = [("Find us on:", 0.6, 1), ("Facebook", 0.1, 0), ("Instagram", 0.1, 0)]
    article = [(text, p, 1) for text, p in ARTICLE]
    assert spaced(article + related) == ARTICLE_TEXT + ["More from the harbour desk:"]
    assert spaced(article + menu) == ARTICLE_TEXT + ["Find us on:"]


def test_a_colon_line_whose_list_was_dropped_heads_nothing():
    lines = ARTICLE + [("Lesen Sie auch die folgenden Beiträge:", 0.6),
                       ("Hafenfest 2024: alle Termine", 0.1), ("Neue Fähre getauft", 0.1)]
    assert selected_article(lines) == ARTICLE_TEXT
    intro = [("The harbour board listed three changes:", 0.9), ("Boats leave every twenty "
                                                               "minutes in summer.", 0.9)]
    assert selected_article(ARTICLE + intro) == ARTICLE_TEXT + [text for text, _ in intro]






def test_toolbar_and_widget_lines_are_not_title_shaped():
    from dateline.article import title_shaped

    for line in ("51 captures Previous capture 26 Next capture", "Wayback Machine",
                 "skip to main | skip to sidebar", "Das Link wurde kopiert",
                 "Leichte Sprache Leichte Sprache"):
        assert not title_shaped(line), line
    assert title_shaped("Harbour board backs new ferry timetable")


def test_a_name_under_the_footer_date_line_is_the_byline():
    article, state = page_metadata(
        ["Harbour board backs new ferry timetable", *ARTICLE_TEXT, "Letzte Aktualisierung",
         "31.10.2023", "Jana Roth", "#Hafen"], [0.1, 0.9, 0.9, 0.05, 0.05, 0.05, 0.05])
    from dateline.article import read_name_byline
    read_name_byline(state, article, [1, 2], 0)
    assert article.authors == ["Jana Roth"] and article.published == "2023-10-31"


def test_a_byline_cue_closing_a_label_line_reads_with_the_next_line():
    from dateline.article import lone_cue

    assert lone_cue("Disko Von") == "Von" and lone_cue("Von") == "Von"
    assert lone_cue("Powered by") is None and lone_cue("Ein Text von") is None


CHROME_LINES = [  # each alone after the article, scored as body by the labeller
    "Lea: Consejo del puerto aprueba el nuevo horario de ferris",
    "VEA TAMBIÉN: La huelga de los ferris termina tras dos días",
    "Leia também: Nova balsa começa a operar em março",
    "(Leggi anche su: Il traghetto notturno torna a maggio –FOTO)",
    "Follow The Harbour Times on Twitter and Instagram @harbourtimes",
    "Síguenos en Telegram, Instagram y Facebook para recibir las noticias",
    "Join our Harbour Forums to keep talking ferries!",
    "No spam, we promise. You can unsubscribe at any time.",
    "Empfohlener redaktioneller Inhalt",
    "Klicken Sie auf den unteren Button, um den Inhalt von www.example.com zu laden.",
    "Um neue Beiträge per E-Mail zu erhalten, hier die E-Mail-Adresse eingeben.",
    "Dieser Eintrag wurde veröffentlicht in Hafen und verschlagwortet mit Fähre, Sommer.",
    "This document is subject to copyright. Apart from any fair dealing, no part may be "
    "reproduced without permission.",
    "In this Dec. 12, 2006, file photo, made available by the port authority, the Skarv leaves "
    "Kestrel Bay.",
    "FILE - In this photo issued by the harbour board, a ferry docks.",
    "1of4Passengers wait at the Kestrel Bay terminal on Tuesday.",
    "Image copyright Harbour Board Image caption The Skarv at the pier",
    "Missing out on the latest harbour news? Enter your email below to receive updates.",
    "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    "Wir informieren Sie täglich (werktags) über die Topthemen des Tages.",
    "We welcome reader comments on the top stories of the day.",
    "Para comentar debes registrarte y completar los datos generales.",
    "We want to hear what you think about this article. Submit a letter to the editor.",
    "Thank you for visiting. You are using a browser version with limited support for CSS.",
    "Disclaimer: The responses below are not provided or commissioned by the bank advertiser.",
    "(Alle Angaben ohne Gewähr)",
    "1. We welcome reader comments on the top stories of the day.",
    "Submit your letter to the editor via this form. Read more Letters to the Editor.",
    "ANZEIGE - Heute mal ausgehen? Wie wäre es mit einer Fahrt auf der Fähre?",
    "Get the Most Popular Harbour Stories in a Weekly Newsletter",
]


@pytest.mark.parametrize("line", CHROME_LINES)
def test_chrome_lines_are_not_body(line):
    assert selected(ARTICLE + [(line, 0.8)]) == ARTICLE_TEXT


def test_a_sentence_that_mentions_photos_is_no_caption():
    kept = ("In this town, photos of the old ferry hang in every cafe, and residents say the "
            "new boats will never look as good.")
    assert selected(ARTICLE + [(kept, 0.8)]) == ARTICLE_TEXT + [kept]


def test_a_body_sentence_ending_in_a_full_stop_heads_the_page_only_for_want_of_another():
    from dateline.article import find_title

    texts = ["Harbour board backs new ferry timetable", "Boats leave every twenty minutes.",
             *ARTICLE_TEXT]
    blocks = page(texts)
    body = np.array([0.1, 0.9, 0.9, 0.9])
    title = np.array([0.5, 0.9, 0.0, 0.0])
    assert find_title(Assembly(blocks, Labelling(body=body, title=title)), [1, 2, 3]) == 0
    title[0] = 0.0  # no other candidate the title model believes: the sentence may be it
    import dateline.article as article

    seen = []
    real = article.rank_headlines
    try:
        article.rank_headlines = lambda blocks, labels, candidates, *rest: seen.append(
            candidates) or candidates[-1]
        find_title(Assembly(blocks, Labelling(body=body, title=title)), [1, 2, 3])
    finally:
        article.rank_headlines = real
    assert 1 in seen[0]


@pytest.mark.parametrize("note", [
    "Jana Roth ist Redakteurin im Ressort Hafen und schreibt über Schifffahrt.",
    "Moritz Berg leitet das Ressort Hafen bei der Zeitung.",
    "Ich bin Jana Roth, Journalistin und Fährenfan seit meiner Kindheit.",
    "Unterstütze Hafenblatt bereits mit 2,50!",
])
def test_a_closing_bio_or_appeal_is_not_body(note):
    body = ARTICLE + [("The new timetable takes effect on the first of June, the board said.", 0.9),
                      ("Fares will not change this year.", 0.9)]
    assert selected_article(body + [(note, 0.8)]) == [text for text, _ in body]


def test_a_links_header_with_nothing_of_the_article_under_it_goes():
    lines = ARTICLE + [("Sie könnten auch an folgenden Artikeln interessiert sein", 0.6),
                       ("Hafenfest 2024: alle Termine", 0.1)]
    assert selected_article(lines) == ARTICLE_TEXT


def test_a_scant_body_is_read_again_at_a_lower_threshold():
    doubted = [("CHEER ON the juniors as they jump the final round of the talent search.", 0.3),
               ("VISIT the county horse show in Harrisburg, with a grand prix on Saturday night "
                "and pony classes on Sunday morning.", 0.33),
               ("SPEND a day at the three-day event in Elkton rooting for your favourite riders "
                "through dressage, cross-country and show jumping.", 0.34)]
    assert selected_article([("Related Articles", 0.05)] + doubted) == [t for t, _ in doubted]
    # a full body at the normal threshold keeps out the doubted lines
    full = ARTICLE + [("Councillors said the extra sailings would be paid for by the new parking "
                       "charges at the terminal, which start in June.", 0.9),
                      ("The operator has hired six more crew and will lease a second boat from "
                       "a neighbouring island until its own is refitted next winter.", 0.9),
                      ("Passengers have complained for years about crowded evening crossings.",
                       0.9)]
    assert selected_article(full + doubted[:1]) == [t for t, _ in full]


def test_a_teasers_summary_and_age_above_its_read_more_are_teaser():
    lines = ARTICLE + [("Chile's central bank holds rates steady", 0.6),
                       ("The bank signalled it could resume cutting later in the year.", 0.6),
                       ("3 hours ago", 0.1), ("Read more", 0.1)]
    assert selected(lines) == ARTICLE_TEXT
    # without the age line, only the line right above "Read more" is the teaser's
    lines = ARTICLE + [("A short last paragraph of the story.", 0.9), ("Read more", 0.1)]
    assert selected(lines) == ARTICLE_TEXT


def test_a_licence_notice_is_a_page_notice():
    from dateline.article import page_notice

    assert page_notice("This work is licensed under a Creative Commons Attribution 4.0 "
                       "International License.") == "licence notice"
    assert page_notice("Die Inhalte dieser Website stehen unter einer Creative Commons "
                       "Namensnennung 3.0 Lizenz.") == "licence notice"
    assert page_notice("With a network of staff around the world, Creative Commons provides "
                       "free copyright licenses.") is None


def test_a_headline_behind_breadcrumbs_is_the_line_without_them():
    from dateline.article import headline_without_crumbs

    blocks = page(["Start Top Thema DGB: Bridge closure shows years of neglect", "Share",
                   "DGB: Bridge closure shows years of neglect", "By Anna Berg"])
    assert headline_without_crumbs(blocks, 0) == 2
    # a topic and a colon belong to the headline
    blocks = page(["Italien: Reise- und Sicherheitshinweise", "Reise- und Sicherheitshinweise"])
    assert headline_without_crumbs(blocks, 0) == 0


def test_a_schedule_of_lines_opening_alike_is_taken_whole():
    schedule = [("1a etapa: 10 de março – Interlagos", 0.3), ("2a etapa: 8 de abril – Curitiba", 0.38),
                ("3a etapa: 22 de abril – Velopark", 0.33), ("4a etapa: 06 de maio – Londrina", 0.5),
                ("5a etapa: 20 de maio – Santa Cruz do Sul", 0.47)]
    assert selected(ARTICLE + schedule) == ARTICLE_TEXT + [t for t, _ in schedule]
    # a run the labeller disbelieves stays out
    doubted = [(text, 0.1) for text, _ in schedule[:4]] + [schedule[4]]
    assert selected(ARTICLE + doubted) == ARTICLE_TEXT + [schedule[4][0]]


def test_a_list_in_a_capture_without_blank_lines_needs_some_belief_in_each_item():
    items = [("Hundreds of tasks that make an evening more interesting", 0.41),
             ("Dozens of questions that help you know each other better", 0.38),
             ("Challenges to finish within a week of the game", 0.36)]
    lines = ARTICLE + [("The game holds:", 0.39)] + items + [("Download the app now", 0.1)]
    assert selected(lines) == ARTICLE_TEXT + ["The game holds:"] + [t for t, _ in items]


def test_recommended_cards_above_all_the_body_give_way_to_the_doubted_article():
    article = ("Viver uma verdadeira experiência amorosa é um dos maiores prazeres da vida, e "
               "gostar é sentir com a alma, mas expressar os sentimentos depende das ideias que "
               "temos sobre o amor, sobre nós mesmos e sobre o que esperamos de quem amamos")
    cards = [("A vida requer da gente otimismo e coragem para esperar o melhor e fazer o melhor "
              "acontecer todos os dias.", 0.94),
             ("O que une uma família é o amor, o carinho, o querer bem, a certeza de apoio e de "
              "mãos estendidas.", 0.9)]
    lines = [(article, 0.4), ("Você pode gostar...", 0.1), ("[lazy_placeholder][otimismo]", 0.05),
             ("Whatsapp Facebook Pint Baixar", 0.05)] + cards
    assert selected_article(lines) == [article]


def test_a_small_run_of_body_far_below_the_article_is_not_the_article():
    far = [("Chrome", 0.05)] * 10
    promo = [("Amazon is not waiting until Black Friday to offer deep discounts on tablets.", 0.6)]
    lines = ARTICLE * 1 + [("Councillors said the extra sailings would be paid for by the new "
                            "parking charges at the terminal, which start in June.", 0.9)]
    far = [(f"Menu entry {k}", 0.05) for k in range(10)]
    assert selected(lines + far + promo) == [t for t, _ in lines]
    # as much text again below is a second part of the article
    assert selected(lines + far + lines[:2]) == [t for t, _ in lines + lines[:2]]


def test_the_writers_signature_closing_the_article_is_not_body():
    from dateline.article import signs_article

    assert signs_article("Claire Morvan (Lyon, correspondante)", ["Claire Morvan"])
    assert signs_article("Jo Roe, Berlin", ["Jo Roe"])
    assert not signs_article("Claire Morvan presented the plan to the council.", ["Claire Morvan"])
    assert not signs_article("Claire Morvan (Lyon, correspondante)", ["Anna Berg"])


def test_a_links_new_tab_note_marks_a_link_line():
    lines = ARTICLE + [("Our Standards: The Trust Principles, opens new tab", 0.7),
                       ("Click to share on Twitter (Opens in new window)", 0.6)]
    assert selected(lines) == ARTICLE_TEXT


def test_a_live_blog_entry_header_between_body_blocks_joins_them():
    lines = ARTICLE[:1] + [("Share Copy link", 0.05), ("16:40 – Orange warning extended to Mayo", 0.3)] \
        + ARTICLE[1:]
    assert selected_article(lines) == [ARTICLE_TEXT[0], "16:40 – Orange warning extended to Mayo",
                                       ARTICLE_TEXT[1]]
