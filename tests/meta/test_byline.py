"""Bylines, name lines, wire sources and photo credits (``dateline.meta.byline``)."""
import pytest

from dateline.meta.byline import (parse_byline, parse_dated_name_line, parse_name_line, parse_photo_credit,
                                  parse_sources, starts_with_given_name)


@pytest.mark.parametrize("line, authors, org", [
    ("Text by FRANCE 24", (), "FRANCE 24"),
    ("By Jane Doe and John Smith, Reuters", ("Jane Doe", "John Smith"), "Reuters"),
    ("5:45 AM PST 11/19/2019 by Patrick Shanley", ("Patrick Shanley",), None),
    ("Reporting by Ana Ruiz; Editing by Tom Hale", ("Ana Ruiz",), None),
    ("By Jane Doe, staff writer", ("Jane Doe",), None),
    # a date, a time or a comment count after the names is not part of them
    ("Posted by Konstantin 21.10.2019", ("Konstantin",), None),
    ("By Amelie Marie Nishikawa Feb 8", ("Amelie Marie Nishikawa",), None),
    ("Von Julia Esser 6. November 2023", ("Julia Esser",), None),
    ("Von Christian Thal, 07 Dezember, 2022", ("Christian Thal",), None),
    ("By Felix Eisner // 1. November 2023", ("Felix Eisner",), None),
    ("Von Thilo / 6. November 2023 / Keine Kommentare", ("Thilo",), None),
    ("by Kay 24 Comments", ("Kay",), None),
    ("jeudi 13 juin 2019, par Agnès Morel", ("Agnès Morel",), None),
    ("vor 2 Monaten von Patrick Ott", ("Patrick Ott",), None),
    ("1.11.23 20:19 von Lars Sobotta Lesezeit: 4 Min.", ("Lars Sobotta",), None),
    # glued cue, role words, other credits, degrees, image alt text before the cue
    ("ByAlex Bozeman", ("Alex Bozeman",), None),
    ("By Klausmartin Friede", ("Klausmartin Friede",), None),
    ("Von Katrin Vogel", ("Katrin Vogel",), None),
    ("Text von Christian Seidel    Illustration von Markus Rohr", ("Christian Seidel",), None),
    ("Written by Rachel Linke, MS, RD", ("Rachel Linke",), None),
    ("[avatar-4f1c] by Jake Golding on January 20, 2020", ("Jake Golding",), None),
    ("Posted by Nesselbach under Just For Fun, Reblogged", ("Nesselbach",), None),
    # cues of more than one word: "a column by", "written by" in German, French, Spanish
    ("Eine Kolumne von Jonas Berghoff", ("Jonas Berghoff",), None),
    ("Erstellt von Mira Talbach", ("Mira Talbach",), None),
    ("Publié par Lucien Varenne à 08:00", ("Lucien Varenne",), None),
    ("Escrito por Inés Calvario", ("Inés Calvario",), None),
    ("Von: Tilman Brucks | 31.10.23", ("Tilman Brucks",), None),  # the cue with a colon
    ("By: Dana Whitfield", ("Dana Whitfield",), None),
    ("Written by: Julia Mollander", ("Julia Mollander",), None),
    # the name, then a button or label; the cue inside a "|"-separated line
    ("von Claudio Kummer Twitter Account von Claudio Kummer", ("Claudio Kummer",), None),
    ("By Alejandro Villar Last updated Nov 8, 2023 Share", ("Alejandro Villar",), None),
    ("yas! | By Cara Stiller | April 13, 2020", ("Cara Stiller",), None),
    # what markup glues to a name: a label, a button, a profession, the name's second copy
    ("Von Odile OstermayerOdile Ostermayer", ("Odile Ostermayer",), None),
    ("Von Sonja Melzer Erstellt", ("Sonja Melzer",), None),
    ("By Samuel Dorn (Sponsored Post)", ("Samuel Dorn",), None),
    ("Von Rechtsanwalt Sebastian Eibl", ("Sebastian Eibl",), None),
    ("By Evan HalloranStaff", ("Evan Halloran",), None),
    ("By Steve LeVine", ("Steve LeVine",), None),
    # a weekday and an ordinal date after the names; a job title naming an agency; a cue with
    # a colon after a date
    ("By Nora Pell , Tim Aske on Monday, March 4th, 2024 at 10:02 a.m.", ("Nora Pell", "Tim Aske"),
     None),
    ("Analysis by Ruth Calder, CNN Senior Writer", ("Ruth Calder",), "CNN"),
    ("By Jon Marr, CNN Business", ("Jon Marr",), "CNN Business"),
    ("07/03/2021 - Publicado por: Lívia Moura - Categoria: Cultura", ("Lívia Moura",), None),
])
def test_bylines(line, authors, org):
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors and byline.org == org


@pytest.mark.parametrize("line", [
    "Theme by ThemeGrill. Powered by WordPress",
    "Bereitgestellt von Google",
    "Spalier am 18. Fairway von Augusta",        # "von" + a place, after a number
    "Von Sprachregeln, Gender-Politik und «ganz normalem Deutsch»",  # a headline
    "von Künstlern, Bands, DJs,",               # a phrase after a preposition
    "DE FR IT EN",                              # a language menu
    "Middle East",
    "Home | By Topic | News",                   # a menu
    "06.11.23 - 13:49 von Joseph Meyer zu",     # a comment on another article ("... zu")
])
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_name_lines():
    assert parse_name_line("Julius Richter") == ("Julius Richter",)
    assert parse_name_line("Verónica De Vita") == ("Verónica De Vita",)
    assert parse_name_line("04.02.2022 | 15:33 Uhr | Dennis Stein") == ("Dennis Stein",)
    assert parse_name_line("11.12.2019 - Amelia Lorenz") == ("Amelia Lorenz",)
    assert parse_name_line("Amelia Lorenz - Startseite") is None
    # a name beside its avatar's alt text, glued or spaced
    assert parse_name_line("Amelia LorenzAmelia Lorenz") == ("Amelia Lorenz",)
    assert parse_name_line("Amelia Lorenz Amelia Lorenz") == ("Amelia Lorenz",)
    assert parse_byline("von Jana Roth Jana Roth, 28. Januar 2022").authors == ("Jana Roth",)
    for line in ("Latest News", "Middle East", "Donald Trump Says No To Talks", "Olympia 2024",
                 "Klimaschutz und Energie", "Jane", "Amelia Lorenz?"):
        assert parse_name_line(line) is None, line


def test_given_names():
    assert starts_with_given_name("Małgorzata Nowak") and starts_with_given_name("J. Doe")
    assert not starts_with_given_name("Sprachregeln")


def test_sources_and_credits():
    assert parse_sources("(FRANCE 24 with AFP, AP and REUTERS)") == ["AFP", "AP", "Reuters"]
    assert parse_sources("The mayor said AP reporters were there.") is None
    assert parse_photo_credit("© Photo: AFP") == ["AFP"]
    assert parse_photo_credit("© 2019 Associated Press. All Rights Reserved.") is None
    assert parse_photo_credit("© 2025 Harbour Times Verlag GmbH & Co. KG") is None  # the site's


@pytest.mark.parametrize("caption, credit", [
    ("Waves break over the sea wall on Tuesday morning. Photograph: Seán Mulcahy", "Seán Mulcahy"),
    ("A ferry is moored at the port of Gothenburg, Sweden, February 12, 2025. "
     "REUTERS/Anders Holm/File Photo Purchase Licensing Rights", "REUTERS/Anders Holm"),
    ("Sea otters float in a raft near Seward, Alaska. (AP Photo/Ellen Marsh)", "AP Photo/Ellen Marsh"),
    ("Viajeros en un andén de la estación de Atocha, este martes. MARTA LOZANO (EFE)",
     "MARTA LOZANO (EFE)"),
    ("MARIE LEROUX POUR « LE COURRIER NATIONAL »", "MARIE LEROUX POUR « LE COURRIER NATIONAL »"),
    ("Floodwater pours through the canyon. Photo: Camille Roux / AFP", "Camille Roux / AFP"),
])
def test_credits_at_a_captions_end(caption, credit):
    assert parse_photo_credit(caption) == [credit]


@pytest.mark.parametrize("line", [
    "The president spoke to reporters after the vote. NATO (AFP)",
    "This is what the US/Canada border looks like today.",
    "He said the photo: a fake, and the caption a lie.",
])
def test_sentences_are_not_caption_credits(line):
    assert parse_photo_credit(line) is None


@pytest.mark.parametrize("line, people", [
    ("30. Oktober 2023 Carola Pönitz Kultur", ("Carola Pönitz",)),     # date, name, category
    ("1. Februar 2022 Luis Hollmann 6", ("Luis Hollmann",)),           # ... and a comment count
    ("5. Mai 2023 Christian P. Stadler Lokales", ("Christian P. Stadler",)),
    ("Arne Sjöberg | 29. Dezember 2022 | HR-Welt", ("Arne Sjöberg",)),  # a whole segment
    ("Christoph von Rieder 24. April 2020", ("Christoph von Rieder",)),  # the name, then the date
    ("Christoph von Rieder, 24.04.2020 08:30", ("Christoph von Rieder",)),
    ("Berlin 24. April 2020", None),
    ("12 March 2024", None),
    ("March 3, 2024 Home News", None),
    ("12.03.2024 Politik Ausland", None),
    ("Jan. 5, 2024 Updated 3:45 PM", None),
])
def test_names_on_a_date_line(line, people):
    assert parse_dated_name_line(line) == people


def test_lone_given_name_line():
    from dateline.meta.byline import parse_given_name_line

    assert parse_given_name_line("Marta") == ("Marta",)
    for line in ("Home", "MARTA", "Marta Wohnung", "Kultur"):
        assert parse_given_name_line(line) is None, line


def test_a_label_after_a_bare_name_is_not_part_of_it():
    assert parse_name_line("Sara Zinnecker Stand: 05. Februar 2020") == ("Sara Zinnecker",)


def test_a_user_name_credited_by_a_byline_cue_is_the_author():
    assert parse_byline("Posted on 2015-04-05 by marc | Leave a comment").authors == ("marc",)
    assert parse_byline("Veröffentlicht am 12. Juni 2017 von gizzmo").authors == ("gizzmo",)
    assert parse_byline("Veröffentlicht: 05.01.2020 | Autor: gnaddrig | Abgelegt unter: X") \
        .authors == ("gnaddrig",)
    assert parse_byline("Dezember 10, 2019 · von freeman1984 · in Uncategorized").authors == \
        ("freeman1984",)
    # prose, a credit, a site account, a comment and a gender form are no byline
    for line in ("By design", "By oradmin", "Flug am 3. Mai von Berlin nach Rom",
                 "Foto von pixabay 12.03.2020", "by jdadmin on May 3, 2019", "Autor:innen",
                 "le parquet de Paris 3 mai 2020", "Im Gesamtwert von über 16.000 Euro, 1.12.2021",
                 "geschrieben von berg2012 am 21. Jan. 2015, 19:04 [ antworten ]"):
        assert parse_byline(line) is None, line


def test_glued_cues_labels_and_avatars_are_taken_apart():
    assert parse_byline("Veröffentlicht vonChris Jung 28. Februar 2016").authors == ("Chris Jung",)
    assert parse_byline("Von Vanessa FrankeRSS-Newsfeed neuer Artikel").authors == \
        ("Vanessa Franke",)
    assert parse_byline("Von [ef7] Lisa Borch").authors == ("Lisa Borch",)
    assert parse_byline("Por Rodrigo Mejías04 de mayo 2022 a las 09:01 hrs.").authors == \
        ("Rodrigo Mejías",)
    assert parse_byline("Por Alberto Ávila 27 de agosto 2019").authors == ("Alberto Ávila",)
    assert parse_byline("Von Moritz Bachmann publiziert am 30. Juli 2018").authors == \
        ("Moritz Bachmann",)
    assert parse_byline("Accueil | Par Loïc Le Clerc | 30 septembre 2018").authors == \
        ("Loïc Le Clerc",)
