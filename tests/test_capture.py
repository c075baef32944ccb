"""Decoding and sanity checks on raw input."""
import pytest

from dateline.capture import read_capture
from dateline.errors import CaptureError


def test_utf8_text():
    cap = read_capture("Héllo wörld\n".encode("utf-8"))
    assert cap.kind == "text" and cap.text.startswith("Héllo") and cap.encoding == "utf-8"


def test_latin1_is_detected_not_assumed():
    text = "Le président a déclaré que la réforme était nécessaire pour l'économie française. " * 5
    cap = read_capture(text.encode("cp1252"))
    assert "président" in cap.text


def test_utf16_bom():
    cap = read_capture("Bonjour à tous".encode("utf-16"))
    assert cap.text.strip() == "Bonjour à tous"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"), (b"   \n\t\n", "empty"), (bytes(range(256)) * 40, "binary"),
    (b"\x00\x01\x02\x03" * 1000, "binary"),
], ids=["empty", "blank", "all-bytes", "control-bytes"])
def test_unusable_input_names_the_reason(data, reason):
    with pytest.raises(CaptureError) as info:
        read_capture(data, source="x.txt")
    assert info.value.reason == reason and "x.txt" in str(info.value)


def test_html_is_recognised():
    assert read_capture(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>").kind == "html"
    assert read_capture(b"Plain text about <b> tags in prose.").kind == "text"
    # a text dump that opens with a stray <noscript> image line is still a text capture
    dump = ('<img height="1" width="1" src="https://px.example/tr"> <div><img src="x.gif">\n\n'
            + "  \u2022 Inicio\n  \u2022 Secciones\n\nLa alcaldía anunció hoy un nuevo plan.\n" * 60)
    assert read_capture(dump.encode()).kind == "text"
    # a dump that prints a form's markup as text (a <textarea>'s source) mid-article
    form = '     <div id="edit-allowed" class="form-checkboxes"><div class=\n'
    printed = ("Die Kampagne startet im November.\n\n" * 250 + form * 4
               + "Der Generalsekretär fordert ein Abkommen.\n\n" * 250)
    assert read_capture(printed.encode()).kind == "text"
    # markup after a preamble: HTTP headers, or a fragment dense with tags
    assert read_capture(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                        b"<!DOCTYPE html><html><body><div><p>Hi</p></div></body></html>"
                        ).kind == "html"
    assert read_capture(("Note: " + "<div><p>Absatz.</p></div>\n" * 50).encode()).kind == "html"


def test_crlf_normalised():
    assert read_capture(b"a\r\nb\rc").text == "a\nb\nc"


def test_huge_capture_is_truncated_with_warning():
    cap = read_capture(("word " * 1_000_000).encode())
    assert len(cap.text) <= 4_000_000 and cap.warnings and "truncated" in cap.warnings[0]


def test_huge_html_is_cut_before_a_tag_not_inside_one():
    page = "<html><body>" + '<div><a href="/x">link text here</a></div>' * 120_000
    cap = read_capture(page.encode())
    assert cap.kind == "html" and len(cap.text) <= 4_000_000
    assert "<" not in cap.text.rsplit(">", 1)[-1]  # the cut fell before a tag, not inside one


def test_character_references_printed_as_text_are_read():
    cap = read_capture(b"Board gives &#39;final&#39; word on ferries &amp; piers&#10;today\n\n"
                       b"Tickets at example.com/?a=1&copy=2 &bogus; stay as they are.")
    assert cap.text.splitlines()[0] == "Board gives 'final' word on ferries & piers today"
    assert "?a=1&copy=2 &bogus;" in cap.text


def test_a_wrong_charset_declaration_falls_back_to_detection():
    page = ('<html><head><meta charset="utf-8"><title>Fähre</title></head><body><p>'
            + "Die Fähre fährt täglich über den Öresund, sagte sie. " * 20 + "</p></body></html>")
    cap = read_capture(page.encode("cp1252"))
    assert "Fähre fährt täglich" in cap.text and "\ufffd" not in cap.text
    # a real UTF-8 page with one stray byte keeps its declared charset
    stray = page.encode("utf-8").replace(b"</p>", b"\xfc</p>")
    cap = read_capture(stray)
    assert cap.encoding == "utf-8" and "Fähre fährt täglich" in cap.text


def test_mojibake_in_a_text_capture_is_repaired_and_flagged():
    clean = "Le café est à côté de la gare.\nIl l’a dit à l’école, très bien.\n"
    capture = read_capture(clean.encode("utf-8").decode("cp1252", errors="replace"))
    assert capture.text == clean
    assert any("mojibake" in w for w in capture.warnings)
    # real accented text is left alone
    clean = "São Paulo, Ålesund and Ðakovo: Ça va, Âge d'or.\n"
    assert read_capture(clean).text == clean and not read_capture(clean).warnings


def test_a_tie_between_single_byte_charsets_goes_to_windows_1252():
    # a short French text reads the same to charset-normalizer in cp1250 ("crčme") and cp1252
    text = ("Café crème prices rise\n\nThe price of café crème rose again on Monday, the "
            "association of café owners said.\n")
    assert read_capture(text.encode("cp1252")).text == text
