"""Language detection: the numpy automaton walk scores exactly as py3langid's own."""
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dateline.meta.lang import detect_language, identifier

TEXTS = (
    "", "a", "ÄÖÜ", "日本語のテキストです", "THE COUNCIL VOTED ON TUESDAY",
    "The council voted on Tuesday to approve the new budget for the city's schools.",
    "Der Stadtrat hat am Dienstag den neuen Haushalt für die Schulen der Stadt beschlossen.",
    "Le conseil municipal a approuvé mardi le nouveau budget des écoles de la ville.",
    "Rada miasta przyjęła we wtorek nowy budżet dla szkół w mieście, kończąc spór.",
)


def test_scores_are_those_of_py3langid():
    stock = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in TEXTS:
        assert identifier()._decide(text).tobytes() == stock._decide(text).tobytes(), text


def test_detect_language():
    assert detect_language("The council voted on Tuesday to approve the new budget for the "
                           "city's schools, ending a months-long dispute between the mayor "
                           "and the union that represents teachers in the city.") == "en"
    assert detect_language("too short") is None
