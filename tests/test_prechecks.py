"""The cheap tests run before slow patterns never hide a match of the pattern."""
from __future__ import annotations

import pytest

from dateline import article
from dateline.article import may_contain

KELVIN = "\u212a"  # re.IGNORECASE and str.lower both take it for "k"


def case_variants(text: str) -> list[str]:
    """``text`` in the spellings ``re.IGNORECASE`` treats as equal but ``str.lower`` may not."""
    out = [text, text.upper(), text.title(), text.swapcase()]
    for variant in list(out):
        out += [variant.replace("i", "ı"), variant.replace("I", "İ"), variant.replace("s", "ſ"),
                variant.replace("k", KELVIN).replace("K", KELVIN)]
    return out


@pytest.mark.parametrize("pattern, words, examples", [
    (article._CONSENT, article.CONSENT_WORDS,
     ["We use cookies to improve your visit", "This site uses cookies.", "Cookies help us"]),
    (article._CALL_TO_ACTION, article.CALL_TO_ACTION_WORDS,
     ["Subscribe to our newsletter", "Sign up for our daily briefing", "Follow us on Twitter",
      "Get the Example News app", "Click here to support us", "Jetzt abonnieren",
      "Abonnez-vous", "Inscrivez-vous", "Suscríbete", "Iscriviti", "Zapisz się",
      "Melde dich für unseren Newsletter an", "Newsletter bestellen", "Support our journalism"]),
    (article._COMMENT_FORM, article.COMMENT_FORM_WORDS,
     ["Your email address will not be published.", "Required fields are marked *",
      "Ihre E-Mail-Adresse wird nicht veröffentlicht.", "Erforderliche Felder sind markiert",
      "Votre adresse e-mail ne sera pas publiée.", "Votre adresse de messagerie ne sera pas publiée",
      "Tu dirección de correo electrónico no será publicada.",
      "Il tuo indirizzo email non sarà pubblicato.",
      "Twój adres e-mail nie zostanie opublikowany.",
      "You must be logged in to post a comment.", "Comments are closed."]),
    (article._COMMENT_META, article.COMMENT_LINE_WORDS,
     ["Ann on May 2, 2019 at 4:47 pm said:", "Bob says:", "Reply", "Log in to Reply",
      "Jan am 3. Mai 2020 um 10:12 sagte:", "Anna schreibt:", "Marie le 3 mai 2020 à 10:12 a dit :",
      "Juan el 3 de mayo de 2020 dijo:", "Luca il 3 maggio 2020 ha detto:", "Antworten",
      "Répondre", "Responder", "Rispondi", "Odpowiedz", "Jan op 3 mei 2020 wrote:",
      "Piotr napisał:", "Paul sagt:", "Eva schrieb am 3.5.2020 sagte:", "Ana dice:"]),
])
def test_word_check_never_hides_a_match(pattern, words, examples):
    matched = 0
    for example in examples:
        for text in case_variants(example):
            if pattern.search(text):
                matched += 1
                assert may_contain(text, words), text
    assert matched >= len(examples)


def test_word_check_rejects_lines_without_the_words():
    assert not may_contain("An ordinary sentence about the weather.", article.CONSENT_WORDS)
    assert may_contain("COOKİES", article.CONSENT_WORDS)  # 'İ' lower-cases to two characters


def test_read_more_first_letters_are_all_that_ignorecase_matches():
    import re
    import sys

    # every phrase of _READ_MORE (the top-level alternatives in "^(?:...)") starts with one of
    body = article._READ_MORE.pattern
    body = body[len("^(?:"):body.rindex(")")]
    phrases, depth, start = [], 0, 0
    for pos, ch in enumerate(body):
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            phrases.append(body[start:pos])
            start = pos + 1
    phrases.append(body[start:])
    first = {phrase[0] for phrase in phrases}
    assert first == set("rmcfwls"), phrases
    letter = re.compile(f"[{''.join(sorted(first))}]", re.IGNORECASE)
    matched = {chr(c) for c in range(sys.maxunicode + 1) if letter.match(chr(c))}
    assert matched == article._READ_MORE_FIRST
    for text in ("Read more", "READ MORE »", "ſeguir leyendo", "Weiterlesen", "lire la suite"):
        assert article.is_read_more(text) == bool(article._READ_MORE.match(text))
