"""Stage 4 — assemble the ``Article`` from labelled blocks.

The learned labeller says which blocks are body and which is the headline; this stage decides
the rest from the words on the lines around them, in page order:

- body: blocks the labeller scores >= ``BODY_THRESHOLD`` (``CJK_THRESHOLD`` for Chinese or
  Japanese text; ``SCANT_THRESHOLD`` when that finds under ``SCANT_BODY_CHARS``), a run of
  lines opening alike with a number ("1a etapa: ...") that the labeller half believes
  (``uniform_runs``), and the items of a list the article introduces with a colon line,
  however their scores fade down the list (``list_continuations``), minus lines that are really metadata
  (bylines, date lines, credits, wire-source lines, inline "READ MORE:" promos, short calls to
  action such as "Subscribe to our newsletter" or "Follow us on Twitter", and media placeholders
  a text browser prints for images and frames: "[photo-slug-580x386]", "IFRAME: https://…",
  and page notices: a site's copyright line, "Temps de lecture : 4 min", an affiliate
  disclosure); a photo caption that ends in its credit ("... Photograph: Jo Roe",
  "REUTERS/Jo Roe", "(AP Photo/Jo Roe)") is a credit, and so is the caption tight above a
  credit-only line, with the bracketed image name above it; an agency caption that says what
  it is ("In this Dec. 12, 2006, file photo, ...", a gallery's "1of4...") is a caption; then cut where
  a reader-comment section starts below the article (a "Comments" / "3 thoughts on …" / "Leave
  a Reply" / "Kommentare" header followed by comment lines, a date-and-time stamp or the comment
  form; or two "<name> on <date> said:" / "<name> says:" lines close together); once the
  headline is claimed, a body block whose word 4-grams mostly repeat the body above it (a second
  copy of the article, a caption echoing its alt text) is dropped, and so are the writer's bio
  and a contact line among the last blocks ("Anna Berg is a professor of ...", "Write to
  letters@...") and a short colon line whose list did not make it into the body ("Lesen Sie
  auch die folgenden Beiträge:");
- headline: among the title-shaped lines above (or at the start of) the body, the one the
  headline ranker (``dateline.headline``) prefers — the best ``title`` score on HTML pages —
  falling back to the nearest headline-shaped line at or above the first paragraph (never a
  line of page chrome: "Skip to main content", a cookie box's heading or buttons); section: a
  short label just above it;
- dates: the date lines of the header and footer zones (or, failing those, the first date line
  anywhere else on the page, and failing that the date a line by the headline or at the start
  of the body opens with, glued to the lead or a category);
- header and footer zones (a few blocks around the body) are scanned for date lines, bylines,
  photo credits and wire sources with the parsers in ``dateline.meta``; when no line says "By",
  a lone name line by the headline that opens with a known given name is the byline; when
  no rule names anyone, the learned byline reader (``dateline.authors``) may;
- promo teasers (headline + "Read more" line) before the body, related links after it, grouped
  under the short label or "Related"-style header that precedes them; tag lines become tags.

Every block left out is recorded in ``Article.dropped`` with its reason when ``explain`` is set.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from dateline.authors import learned_authors
from dateline.blocks import CJK_CHAR, template_key, text_to_blocks
from dateline.features import chrome_share
from dateline.headline import rank_headlines, without_kicker
from dateline.labeller import Labelling, label_blocks
from dateline.meta.byline import (canonical_agency, is_wire_agency, parse_byline,
                                  parse_dated_name_line, parse_given_name_line, parse_name_line,
                                  parse_photo_credit, parse_sources, starts_with_given_name)
from dateline.meta.dates import (find_date_line, find_dates, has_ambiguous_slash_date,
                                 leading_date, reads_as_prose, slash_order_evidence)
from dateline.meta.lang import detect_language
from dateline.model import Article, Block, BodyBlock, Capture, Dropped, RelatedLink

BODY_THRESHOLD = 0.45  # tuned on a held-out CV fold: recall matters slightly more than precision
SCANT_BODY_CHARS = 400  # a body this short at BODY_THRESHOLD is more often a miss than the article
SCANT_THRESHOLD = 0.25  # ... so the page is read again at this body probability,
SCANT_MIN_WORDS = 5  # for lines of running text (not menu entries: "Section 4")
LIKELY_BODY = 0.5  # where "the article starts" for the headline search
TITLE_MIN_PROB = 0.15
SHORT_TITLE_WORDS = 10  # a headline may end with a full stop only when this short
HEADER_ZONE = 12  # blocks above the first body block scanned for bylines, dates, credits
FOOTER_ZONE = 25  # blocks below the last body block scanned for the same
LINK_LIST_SHARE = 0.5  # whole-link blocks holding more of the body's words: a list of links
NAME_ZONE_ABOVE = 3  # blocks above the headline where a bare name line may be the byline
NAME_BODY_BLOCKS = 4  # first body blocks where a bare name line next to the date line is the byline
NAME_BODY_SPAN = 8  # ... and how many blocks below the first one a bare name line may be
SIGNATURE_SPAN = 2  # blocks below the last body block where a bare name line signs the article
_CONTACT_LABEL = re.compile(r"^\W*(?:contact|kontakt|pressekontakt|ansprechpartner(?:in)?|"
                            r"ansprechperson|media contact|press contact|contacto|contatto)\W*$",
                            re.IGNORECASE)
_READ_MORE = re.compile(
    r"^(?:read more|more|continue reading|read the full (?:story|article)|full story|weiterlesen|"
    r"mehr|lire la suite|lire plus|leer más|seguir leyendo|leggi (?:tutto|di più)|czytaj (?:dalej|więcej)|"
    r"lees meer|läs mer|les mer)\W*$", re.IGNORECASE)
# the first letters of the phrases above, as re.IGNORECASE matches them ("ſ" is an "s")
_READ_MORE_FIRST = frozenset("rmcfwlsRMCFWLSſ")
_INLINE_PROMO = re.compile(
    r"^\(?(?:read more|read also|also read|see also|related|more|watch|listen|lesen sie (?:auch|hier)|"
    r"mehr zum thema|auch interessant|lire aussi|à lire aussi|voir aussi|le[ae](?: también| más)?|"
    r"vea(?: también)?|mira(?: también)?|puedes ver|(?:le|te) puede interesar|"
    r"leer más|leia (?:também|mais)|veja (?:também|mais)|leggi anche(?: su)?|"
    r"czytaj (?:też|także|również|więcej)|zobacz (?:też|także)|dowiedz się więcej)"
    r"\s*[:>»|–—-]\s*\S", re.IGNORECASE)
_RELATED_HEADER = re.compile(
    r"^(?:related(?: (?:articles|stories|content|news|coverage|topics))?|more on this(?: story)?|"
    r"more from .{1,40}|see also|read also|more stories|recommended(?: for you)?|"
    r"mehr zum thema|mehr zu .{1,30}|das könnte sie auch interessieren|auch interessant|"
    r"lire aussi|sur le même sujet|à lire aussi|dans la même rubrique|noticias relacionadas|"
    r"te puede interesar|más información|leggi anche|articoli correlati|czytaj także|"
    r"zobacz także|powiązane)\W*$", re.IGNORECASE)
_MORE_LINKS = re.compile(  # the words of a header over links rather than over a list of points
    r"\b(?:more|related|also|other|further|latest|weitere\w*|mehr|auch|andere\w*|plus|autres|"
    r"aussi|más|otr[oa]s|también|altr[ie]|anche|więcej|inne|także|interess\w+)\b",
    re.IGNORECASE)
_POPULAR_HEADER = re.compile(r"^(?:most (?:read|popular|viewed|shared)|trending(?: now| stories)?|"
                             r"don't miss|popular(?: now| this week)?|latest(?: news| stories)?|"
                             r"just in|meistgelesen\w*|am meisten gelesen|les plus (?:lus|partagés)|"
                             r"lo más (?:leído|visto)|los más (?:leídos|vistos)|más leíd[oa]s|"
                             r"(?:i )?più (?:letti|visti)|najczęściej(?: czytane)?|"
                             r"en continu|últimas noticias|ultime notizie)\W*$", re.IGNORECASE)
SIGNUP_WORDS = ("newsletter", "boletín", "bulletin", "infolettre", "lettre d'information",
                "(button)", "____")
_RELATIVE_TIME = re.compile(  # a teaser's age: "9 min ago", "an hour ago", "vor 3 Stunden"
    r"^(?:\d{1,3}|an?|one)\s+(?:min(?:ute)?s?|h(?:ou)?rs?|hours?|days?)\s+ago$|"
    r"^vor\s+(?:\d{1,3}|einer?)\s+(?:min(?:uten?)?|std\.?|stunden?|tag(?:en)?)$|"
    r"^il y a\s+\d{1,3}\s+(?:min(?:utes?)?|h|heures?|jours?)$|"
    r"^hace\s+\d{1,3}\s+(?:min(?:utos?)?|h|horas?|días?)$", re.IGNORECASE)
_TAG_LINE = re.compile(r"^(?:tags?|topics?|keywords?|themen|schlagwörter|schlagworte|mots[- ]clés|"
                       r"thèmes|etiquetas|temas|argomenti|tagi|tematy)\s*[:：]\s*(.+)$", re.IGNORECASE)
_TAG_HEADER = re.compile(r"^(?:tags?|topics?|keywords?|themen|schlagwörter|schlagworte|mots[- ]clés|"
                         r"etiquetas|archivado en|filed under|mehr lesen über|mehr über|"
                         r"temas|argomenti|tagi|tematy)\s*:?$", re.IGNORECASE)
_CONSENT = re.compile(
    r"\bcookies?\b.{0,120}\b(?:use|uses|using|consent|accept|agree|utilis\w*|verwende\w*|"
    r"akzeptier\w*|utiliza\w*|usiamo|utilizziamo)\b|\b(?:we|nous|wir) (?:use|utilisons|"
    r"verwenden) cookies\b|\b(?:use|uses|utilisent|utilisons|verwenden|usamos|utilizamos|"
    r"utilizziamo)\b.{0,60}\bcookies?\b", re.IGNORECASE)
_COMMENT_HEADER = re.compile(
    r"^(?:\d+|one|no)?\s*(?:comments?|responses?|replies|reactions|discussion|kommentare?|"
    r"leserkommentare|commentaires?|réactions?|comentarios?|commenti|komentarz[eya]?|reacties)"
    r"(?:\s*\(\d+\))?\s*:?$|"
    r"^(?:\d+|one|two|three)\s+(?:thoughts?|responses?|replies|comments?|kommentare?|antworten|"
    r"commentaires?|comentarios?|commenti)\s+(?:on|to|zu|sur|en|a|su)\s.{1,200}$|"
    r"^(?:leave a (?:reply|comment)|post a comment|add (?:a|your) comment|write a comment|"
    r"kommentieren sie(?: hier)?|"
    r"join the (?:discussion|conversation)|kommentar (?:schreiben|verfassen)|"
    r"schreibe einen kommentar|laisser un commentaire|laissez un commentaire|"
    r"deja (?:un comentario|una respuesta)|lascia un commento|dodaj komentarz|napisz komentarz)"
    r"\W*(?:\(.*\))?\s*$", re.IGNORECASE)
_COMMENT_META = re.compile(
    r"^\S.{0,60}?\s(?:on|am|le|el|il|op|em)\s.{0,40}\d.{0,40}?\s(?:said|says|wrote|sagte|sagt|"
    r"schrieb|schreibt|a dit|dit|dijo|dice|disse|ha detto|napisał)\s*:?\s*$|"
    r"^\S.{0,50}?\s(?:says|sagt|schreibt|dit|dice|dijo|napisał)\s*:\s*$|"
    r"^(?:reply|antworten|répondre|responder|rispondi|odpowiedz|log in to reply)\W*$",
    re.IGNORECASE)
_COMMENT_FORM = re.compile(
    r"your email address will not be published|required fields are marked|"
    r"ihre e-mail-adresse wird nicht veröffentlicht|erforderliche felder sind|"
    r"votre adresse (?:e-mail|de messagerie) ne sera pas publiée|"
    r"tu dirección de correo electrónico no será publicada|"
    r"il tuo indirizzo email non sarà pubblicato|twój adres e-mail nie zostanie opublikowany|"
    r"you must be logged in to post a comment|comments are closed", re.IGNORECASE)
# Words each of the patterns above needs (lower case): a line holding none of them cannot match,
# which a substring test tells far faster than the pattern (see ``may_contain``)
CONSENT_WORDS = ("cookie",)
_CONSENT_HEADING = re.compile(
    r"\bcookies?\b.{0,40}\b(?:settings|preferences|policy|consent|choices|einstellungen|"
    r"richtlinie|paramètres|préférences|politique|política|configuración|impostazioni)\b|"
    r"\b(?:use of|choices?|utilisation des|choix|gestion des|verwendung von|manage|uso de|"
    r"uso dei|utilizzo dei|politique de|informativa|einstellungen|consent)\b.{0,40}\bcookies?\b|"
    r"\b(?:uses|verwendet|nutzt|benutzt|utilise|utiliza|usa|utilizza)\s+(?:\w+\s+)?cookies\b",
    re.IGNORECASE)
CONSENT_BUTTON_VERBS = frozenset(
    "accept accepter accepte akzeptieren aceptar acepto accetta accetto agree reject refuse "
    "refuser ablehnen rechazar rifiuta deny decline paramétrer personnaliser configurer manage "
    "customize customise einstellen anpassen configurar gestionar personalizar gestisci "
    "zustimmen allow".split())
CONSENT_BUTTON_WORDS = CONSENT_BUTTON_VERBS | frozenset(
    "all alle tout tous todo todas tutti et and und y e ou or oder o close fermer schließen "
    "cerrar chiudi continue continuer sans without ohne sin senza settings options préférences "
    "einstellungen opciones preferenze cookies cookie les the mes my button".split())
# the words that run page notices: a site's copyright line, a reading-time label, an affiliate
# disclosure; each is page furniture wherever the labeller scores it (see ``page_notice``)
_LEGAL_NOTICE = re.compile(
    r"^\W{0,3}(?:©|(?:copyright\s*(?:©|\(c\))?|\(c\))\s*\d{4}\b)|(?:\ball rights reserved|tous droits réservés|"
    r"alle rechte vorbehalten|todos los derechos reservados|tutti i diritti riservati|"
    r"wszelkie prawa zastrzeżone)\W*$|^materiał chroniony prawem autorskim|"
    r"^this (?:document|article|material|content) is subject to copyright|"
    r"\bare (?:registered )?trademarks of\b|^\W?these statements have not been evaluated by|"
    r"^(?:this|the) (?:material|article|content|story) may not be "
    r"(?:published|reproduced|redistributed|copied)\b", re.IGNORECASE)
LEGAL_NOTICE_MAX_WORDS = 40
_LICENCE_NOTICE = re.compile(  # "This work is licensed under a Creative Commons ... License"
    r"\b(?:creative commons|cc[ -]by)\b", re.IGNORECASE)
_LICENSED = re.compile(r"\b(?:licensed under|lizenziert|(?:is|are) available under|veröffentlicht|"
                       r"(?:stehen|sind|steht|ist) (?:[\w.]+ ){0,6}unter (?:einer|der)\b)", re.IGNORECASE)
LICENCE_WORDS = ("creative commons", "cc by", "cc-by")
_READING_TIME = re.compile(
    r"^\W{0,3}(?:(?:estimated )?reading time|read(?:ing)? time|temps de lecture|lesezeit|lesedauer|"
    r"tiempo de lectura|tempo di lettura|czas czytania|leestijd|"
    r"(?:artikel|beitrag) (?:zum )?(?:anhören|hören|vorlesen)|listen to (?:this|the) (?:article|story)|"
    r"écouter (?:cet|l')article)\W{0,3}(?:ca\.?\s*|about\s*|environ\s*)?\d{1,3}\s*(?:min\w*|minutes?)\.?\W*$|"
    r"^\W{0,3}(?:ca\.?\s*)?\d{1,3}\s*(?:min\.?|minutes?|minuten|minutos|minuti)\s+(?:read|lesezeit|"
    r"lesedauer|lesen|de lecture|de lectura|di lettura|leestijd)\W*$", re.IGNORECASE)
_DISCLOSURE = re.compile(
    r"\b(?:may (?:earn|receive) (?:a |an )?(?:small )?(?:commission|affiliate|compensation)|"
    r"affiliate (?:links?|commissions?|partners?)|earn from qualifying purchases|"
    r"(?:provision|affiliate|partner)-?links?\b.{0,60}\b(?:provision|kommission)|"
    r"\blinks? auf dieser seite .{0,40}\bprovision|"
    r"liens? (?:d'affiliation|affiliés|sponsorisés)|enlaces de afiliados)|"
    r"^\W{0,3}(?:note: )?(?:the )?(?:advertising )?(?:disclaimer|disclosure)\b|"
    r"^\(?alle angaben ohne gewähr\)?$", re.IGNORECASE)
DISCLOSURE_MAX_WORDS = 50
# what a page prints in place of an embed, around a sign-up form, and under a blog post
_FORM_NOTICES = (
    (("inhalt", "content"), re.compile(
        r"^\W*(?:empfohlener redaktioneller inhalt|externer? inhalte?|"
        r"klicken sie auf den (?:unteren )?button, um den inhalt von .{1,80} zu laden|"
        r"an dieser stelle finden sie (?:einen )?externen? inhalte?)\W*$", re.IGNORECASE),
     "embed placeholder"),
    (("mail",), re.compile(
        r"^(?:um|wenn (?:du|sie)) .{0,60}per e-?mail .{0,80}(?:zu erhalten|informiert)|"
        r"e-?mail-adresse willige ich|einverstanden,? .{0,60}e-?mails? |"
        r"votre adresse (?:de messagerie|e-?mail) est (?:uniquement )?utilisée", re.IGNORECASE),
     "sign-up form"),
    (("spam", "unsubscribe"), re.compile(
        r"^no spam\b|\b(?:you can|you may) unsubscribe (?:at any time|anytime)", re.IGNORECASE),
     "sign-up form"),
    (("mail", "recaptcha", "informieren", "verpass"), re.compile(
        r"\benter your e-?mail(?: address)? (?:below|here)\b|^this site is protected by recaptcha|"
        r"^wir informieren sie (?:täglich|regelmäßig|wöchentlich)|dans votre boîte (?:mail|aux lettres)|"
        r"^verpasse? keine (?:news|neuigkeiten|artikel|beiträge)\b|"
        r"\bmehr verpassen: abonnieren sie\b", re.IGNORECASE), "sign-up form"),
    (("anzeige", "werbung", "advertisement", "sponsored", "publicité", "newsletter"), re.compile(
        r"^\W?(?:anzeige|werbung|advertisement|sponsored|publicité)\s*[-–—:|.]\s|"
        r"^get (?:the|our) .{1,60}\bnewsletter\b", re.IGNORECASE), "advertisement"),
    (("browser", "benachrichtigung"), re.compile(
        r"^(?:dein|ihr) browser ist (?:leider )?veraltet|\byou are using an? (?:outdated|old|"
        r"unsupported) browser|\bbrowser version with limited support|"
        r"^benachrichtigung(?:en)? aktivieren\b", re.IGNORECASE), "browser notice"),
    (("kommentar", "what you think", "letter to the editor"), re.compile(
        r"^we want to hear what you think about this article|\bsubmit (?:your|a) letter to the editor\b|"
        r"^verraten sie (?:uns )?(?:gerne )?in den kommentaren\b", re.IGNORECASE), "comment policy"),
    (("comment", "comentar"), re.compile(
        r"^(?:\d{1,2}\.\s+)?(?:we welcome (?:reader )?comments|please understand that comments are moderated|"
        r"comments are moderated\b|para comentar (?:debes|tienes que|es necesario))",
        re.IGNORECASE), "comment policy"),
    (("eintrag", "posted", "verschlagwortet"), re.compile(
        r"^(?:dieser eintrag wurde .{0,40}veröffentlicht|this entry was posted in|"
        r"posted in .{1,80} (?:and )?tagged|veröffentlicht in .{1,60} verschlagwortet)",
        re.IGNORECASE), "post meta"),
)
FORM_NOTICE_MAX_WORDS = 60
FORM_NOTICE_WORDS = tuple(word for words, _, _ in _FORM_NOTICES for word in words)
LEGAL_NOTICE_WORDS = ("©", "copyright", "(c)", "rights reserved", "droits réservés", "prawem",
                      "trademarks", "have not been evaluated",
                      "rechte vorbehalten", "derechos reservados", "diritti riservati",
                      "prawa zastrzeżone", "may not be")
DISCLOSURE_WORDS = ("may earn", "may receive", "affiliate", "qualifying purchases", "link", "lien",
                    "disclaimer", "disclosure", "gewähr", "enlaces de afiliados")
_DIGIT = re.compile(r"\d")  # every reading-time label holds its minutes
_DIGITS = re.compile(r"\d+")  # a number, blanked in a list line's shape
COMMENT_FORM_WORDS = ("will not be published", "required fields", "e-mail-adresse",
                      "erforderliche felder", "votre adresse", "dirección de correo",
                      "tuo indirizzo", "adres e-mail", "logged in to post", "comments are closed")
COMMENT_LINE_WORDS = ("said", "says", "wrote", "sagt", "schrieb", "schreibt", "dit", "dijo",
                      "dice", "disse", "detto", "napisał", "reply", "antworten", "répondre",
                      "responder", "rispondi", "odpowiedz")
# characters ``re.IGNORECASE`` matches to a letter ("ı" and "İ" to "i", "ſ" to "s") that
# ``str.lower`` does not turn into that letter
_CASE_TRAPS = ("ı", "İ", "ſ")
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")
COMMENT_EVIDENCE_SPAN = 8  # blocks after a comments header searched for a comment or the form
COMMENT_LOOKBACK = 3  # blocks above the first body block where a thread may start
RESCUE_SPAN = 12  # blocks above such a thread searched for the article
RESCUE_THRESHOLD = 0.3  # body probability needed there
COMMENT_META_SPAN = 40  # two comment lines ("X on <date> said:") this close make a thread
_GLUE = re.compile(r"(?:(?<=[a-z]{4})|(\d+)|(?<=[?!%)”’]))(?=[A-Z][a-z]|A\s)")
GLUE_HEAD_CHARS = 200  # a glued teaser's headline ends within this many characters
RAIL_MIN = 2  # glued teasers on a page for them to be a rail (one may be a typo); as many
# headlines ending in a count ("Vikings beat the Broncos (145)": most commented) too
_RECOMMEND_HEADER = re.compile(
    r"^(?:you (?:may|might|could|will) (?:also )?(?:like|enjoy|love|be interested in)|"
    r"(?:we )?recommend(?:ed)? for you|"
    r"(?:você|voce) (?:também )?(?:pode|poderá) gostar|(?:artigos|posts|notícias) relacionad[oa]s|"
    r"vous (?:aimerez|pourriez aimer)(?: aussi)?|"
    r"das könnte sie (?:auch )?interessieren|(?:das )?(?:könnte|dürfte) sie auch interessieren|"
    r"(?:también )?te (?:puede|podría) interesar|(?:ti )?potrebbe(?:ro)? interessar\w*|"
    r"może cię (?:też |także )?zainteresować)\W*$", re.IGNORECASE)
RECOMMEND_HEADER_MAX = 60  # characters of such a header line
_APPEAL = re.compile(
    r"^support (?:us|our (?:work|journalism|reporting|newsroom)|(?:independent|quality) "
    r"journalism|(?-i:[A-Z])[\w.]+ (?:and|so|by|today|now)\b)|\b(?:make|making) a (?:donation|"
    r"contribution) (?:to|today|now)\b|^(?:please )?(?:donate|give) (?:now|today)\b|"
    r"^become a (?:member|supporter|patron)\b|^unterstützen sie (?:uns|(?:unseren )?"
    r"(?:unabhängigen |guten )?journalismus)\b|^soutenez[- ](?:nous|notre|le journalisme)\b|^apoya (?:nuestro|el "
    r"periodismo)\b|^apoie (?:o|nosso) jornalismo\b|^unterstütze (?:uns|(?-i:[A-Z])\w+)\b|"
    r"\bwould you consider supporting\b|^je fais un don\b|^jede (?:kleine )?spende hilft\b|"
    r"^ihr beitrag hilft, unsere\b|\bunterstützen sie (?:diese form des )?journalismus\b",
    re.IGNORECASE)
APPEAL_WORDS = ("support", "donat", "contribution", "give", "become a", "unterstütze",
                "soutenez", "apoya", "apoie", "un don", "spende", "beitrag hilft")  # one of these
# is in every _APPEAL match
APPEAL_MIN_ABOVE = 3  # body blocks above an appeal for it to close the article
APPEAL_MAX_CHARS = 400
TAGS_CUT_MIN_ABOVE = 3  # body blocks above a tag list for it to close the article
TAG_LIST_MAX_CHARS = 200  # a tag header or "Tags: a, b" line that may close the article
RECOMMEND_GAP = 3  # a recommendation header this close above body text introduces cards
DATED_CARDS_MIN = 3  # teaser cards with their date lines on a page for them to be a rail
_COUNT_LINK = re.compile(r"[^\W\d]\W*\s\(\d{1,6}\)$")
INTRO_MAX_WORDS = 12  # a colon line this short introduces what follows it rather than saying much
INTRO_REACH = 2  # blocks below such a line where what it introduces must start
LINKS_HEADER_MAX_WORDS = 10  # a header over links ("Sie könnten auch interessiert sein") is short
LIST_INTRO_MIN = 0.25  # body probability of the colon line that introduces a list
LIST_MIN_ITEMS = 2  # lines tight under it for it to introduce a list
LIST_ITEM_FLOOR = 0.0  # body probability each of the list's items needs
RUN_ON_ITEM_FLOOR = 0.35  # ... in a capture with no blank lines (WET), where nothing shows the list end
LIST_ITEM_MIN_WORDS = 3  # an unbulleted item this short is a menu entry ("Galerien", "Lesetipps")
LIST_ITEM_MAX_CHARS = 200  # a longer line is a paragraph, not a list item
UNIFORM_RUN_MIN = 4  # lines opening alike with a number that make a list
UNIFORM_RUN_MEAN = 0.25  # their mean body probability (one of them must be body)
CJK_THRESHOLD = 0.4  # body probability needed by a Chinese or Japanese paragraph: the
# labeller's word-based features (word counts, "prose" lines) undercount text without spaces
TEASER_REACH = 3  # blocks below a teaser's headline where its "Read more" link may stand
PARAGRAPH_MIN_WORDS = 30  # running text this long followed by "Read more" is no teaser
REPEAT_SHARE = 0.8  # share of a block's word 4-grams already in the body that makes it a repeat
_LONE_CUE = re.compile(r"^\s*(?:by|von|par|por|di|door|text|autor(?:in)?|author|auteur)\s*:?\s*$",
                       re.IGNORECASE)  # a byline cue alone on its line, the names on the next
# ... or closing a kicker or section label the renderer put on the same line ("Disko Von")
_TRAILING_CUE = re.compile(r"^\s*[^\W\d_][\w-]*\s+(By|Von|Par|Por|Door|Text)\s*:?\s*$")
NAME_LIST_MIN = 5  # bare-name blocks in a row that make a staff list
REPEAT_MIN_WORDS = 8  # shorter lines (list items, "Buy now", subheads) may legitimately recur
_CALL_TO_ACTION = re.compile(
    r"^(?:subscribe|sign up|follow us|jetzt abonnieren|abonnieren sie|abonnez-vous|inscrivez-vous|"
    r"suscríbete|iscriviti|zapisz się)\b|"
    r"\b(?:subscribe (?:now|today|to our)|sign up (?:for|to) (?:our|the)|"
    r"click (?:here )?to (?:subscribe|support)|support (?:us|our (?:work|journalism))|"
    r"(?:download|get) the .{1,30} apps?|with the .{1,30} app|follow us on|"
    r"follow .{1,40} on (?:twitter|facebook|instagram|telegram|youtube|tiktok|linkedin)|"
    r"s[ií]guenos en|signing up (?:to|for) our|never miss (?:the latest|our|a)|"
    r"^join (?:our|the) .{1,40}\b(?:forums?|community|newsletter|mailing list)\b|"
    r"abonnieren sie (?:unser|den|jetzt)|"
    r"melde dich .{0,30}newsletter|newsletter (?:abonnieren|bestellen))\b", re.IGNORECASE)
CALL_TO_ACTION_MAX_WORDS = 40
CALL_TO_ACTION_WORDS = ("subscribe", "sign up", "signing up", "follow", "abonn", "inscrivez",
                        "suscr", "iscriviti", "zapisz", "support", " app", "newsletter",
                        "síguenos", "siguenos", "never miss", "join")
_AD_LABEL = re.compile(  # a line that only labels an ad slot: "Advertisement", "Anzeige", "- Publicité -"
    r"^\W*(?:advertisements?|advertising|advert|anzeigen?|werbung|publicité|publicidad|"
    r"pubblicità|reklama|sponsored|ad)\W*(?:\(button\))?\W*$", re.IGNORECASE)
_MEDIA_PLACEHOLDER = re.compile(  # "[img-slug-580x386]", "photo_12.jpg", "IFRAME: https://…"
    r"^(?:\[[^\]\s]+\])+$|^(?:\S+\.(?:png|jpe?g|gif|webp|svg)\s*)+$|^IFRAME:\s*\S+$|"
    r"^IFRAME:\s*(?:https?:)?//\S+(?: \S+)*$|"  # lynx wraps a long frame URL: pieces joined
    r"^\[[^\]\s]{30,}(?: [^\]\s]+)*\]$",  # and a long image name the same way
    re.IGNORECASE)
_NEW_TAB = re.compile(  # a link's note for screen readers, printed by a text browser
    r"(?:\(|,\s|\s)(?:this link )?(?:opens|will open) (?:in )?(?:a )?new (?:tab|window)\)?\.?$",
    re.IGNORECASE)
NEW_TAB_ENDS = ("tab", "window", "tab)", "window)", "Tab", "Window", "Window)", "Tab)", ".")
NEW_TAB_MAX_WORDS = 15
_CAPTION_OPENER = re.compile(  # how agency captions open: "In this Dec. 12, 2006, file photo, ...",
    # "FILE - In this photo issued by ITV, ...", a gallery's "1of4" glued to the caption
    r"(?:FILE\s*(?:PHOTO)?\s*[-–—:]\s*)?In this\b[\w\s.,'’/-]{0,60}?\b(?:photos?|images?|pictures?|"
    r"photograph|frame grab|video grab|handout|screenshot|screen grab)\b(?:\s+(?:released|issued|"
    r"provided|made available|taken|obtained|posted|shared|distributed)\b|,)|\d{1,3}\s?of\s?\d{1,3}(?=[A-Z])|"
    r"Image (?:copyright|source) .{1,60}? Image caption ",
    re.IGNORECASE)
CAPTION_OPENER_MAX_WORDS = 80
_BRACKETED = re.compile(r"^\[[^\[\]]{1,200}\]$")  # an image's alt text or file name, "[photo]"
_SOURCE_CUE = re.compile(r"^\W*(?:source|quelle|fuente|fonte|źródło)\b", re.IGNORECASE)  # a
# table's or chart's source, which follows a footnote as often as a caption
CREDIT_CUE_MAX_WORDS = 2  # "© Photo:", "Photograph:": what a credit-only line holds besides the name
CAPTION_MAX_WORDS = 30
_WIRE_DATELINE = re.compile(  # a place in capitals (with a region or date), the agency, a dash
    r"^[A-ZÀ-Ý][\w.'’ -]{1,40}(?:,[\w.'’ -]{1,30}){0,2}\s*\(([\w -]{1,25}(?:/[\w -]{1,25}){0,2})\)"
    r"\s*(?:\.?\s*[-—–]|:)\s")
DATELINE_BLOCKS = 3  # body blocks where a wire story's dateline may stand
_NOTE_NAME = r"(?-i:(?:[A-ZÀ-Ý][\w'’-]+\s){1,3})"  # "Anna Berg ", capitalised whatever the flags
_AUTHOR_NOTE = re.compile(
    rf"^{_NOTE_NAME}(?:is|was)\s+(?:a|an|the)\s(?:[\w-]+\s){{0,4}}?(?:professor|reporter|editor|"
    r"correspondent|writer|journalist|author|columnist|engineer|director|founder|fellow|"
    r"researcher|lecturer|contributor|freelance\w*|analyst|economist|librarian|student)\b|"
    rf"^{_NOTE_NAME}(?:covers|writes about|reports on|has covered|has written about)\s|"
    rf"^{_NOTE_NAME}(?:is|ist|est|es)\s+(?:[\w-]+\s){{0,3}}?(?:head of|redakteur(?:in)?|"
    r"journalist(?:in)?|autor(?:in)?|korrespondent(?:in)?|reporter(?:in)?|expert(?:e|in)|"
    r"leiter(?:in)?|gründer(?:in)?|chefredakteur(?:in)?|freie[rn]? |journaliste|rédact\w+|"
    r"correspondant\w*|periodista|redactor[a]?|corresponsal)|"
    rf"^{_NOTE_NAME}(?:leitet (?:das|die|den) (?:ressort|redaktion)|beschäftigt sich (?:mit|seit)|"
    r"schreibt (?:über|für|seit))\b|^(?:hallo,? )?ich bin (?-i:[A-ZÄÖÜ])[\w-]+(?: [\w-]+)?,\s|"
    r"^the [\w ]{3,40} welcomes letters\b|^(?:write to|contact|reach) (?:us|him|her|them|the "
    r"(?:author|writer|editors?))\b.{0,80}@", re.IGNORECASE)
AUTHOR_NOTE_TAIL = 3  # last body blocks where the writer's bio or a contact line may stand
AUTHOR_NOTE_MAX_WORDS = 80
SIGNATURE_MAX_WORDS = 10
_ORDINAL = re.compile(r"^\d{1,2}[.)]\s+")
_INNER_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’»)]*\s|[。！？]")
_SENTENCE_END = re.compile(r"[.!?…:;,][\"'”’»)]*$")
_BREADCRUMB = re.compile(r"\s(?:>|»|/|›|\|)\s")
_WORD = re.compile(r"\w+")
# "← Previous post", "Next post →" links and copyright lines sit near headlines but never are one
_NOT_A_TITLE = re.compile(r"^\s*(?:[←‹]|«(?!.*»))|(?:[→›]|^[^«]*»)\s*$|©|\(c\) \d{4}",
                          re.IGNORECASE)
# a bare address, a file name or a PHP warning a page printed above its content is no headline
_NO_HEADLINE = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:jpe?g|png|gif|webp|svg|pdf)$|"
                          r"^(?:Deprecated|Warning|Notice|Strict Standards|Fatal error|Parse error):"
                          r".*\bon line \d+$")
_CHROME_TITLE = re.compile(  # toolbars, share widgets and notices that look like headlines
    r"^\d+ captures\b|^wayback machine$|^(?:organization|collection): |^about this capture$|"
    r"\bskip to (?:main|content|sidebar|navigation)\b|^leichte sprache\b|"
    r"\blink (?:wurde )?kopiert\b|^empfehlen sie uns\b|^vielen dank für ihre anmeldung\b|"
    r"^warum sehe ich .{1,40} nicht\?$|^werben (?:auf|bei|in|mit)\b|^externe medien$|"
    r"^learn more about our\b|^(?:kommentar verfassen|antwort abbrechen|leave a (?:reply|comment)|"
    r"cancel reply|schreibe einen kommentar|post a comment|laisser un commentaire)\b|"
    r"^(?:deprecated|warning|notice|fatal error|parse error|strict standards): .{0,300}\bon line \d+|"
    r"^(?:artikel|inhalte?|beiträge) (?:werden|wird) geladen\b|^(?:loading|chargement)\s*(?:\.\.\.|…)",
    re.IGNORECASE)
# link residue, bullets, and the box-drawing rule ("━━━━") w3m draws for an <hr> it joins on
_TITLE_EDGES = re.compile(r"^[<>»«|*~·•\u2500-\u257f\s]+|[<>»«|*~·•\u2500-\u257f\s]+$")


_TAG_KINDS = {"h2": "subheading", "h3": "subheading", "h4": "subheading", "h5": "subheading",
              "h6": "subheading", "blockquote": "quote", "li": "list_item", "dd": "list_item",
              "p": "paragraph", "pre": "paragraph"}


@dataclass
class Assembly:
    """Working state while one article is assembled (what is claimed, and why)."""

    blocks: list[Block]
    labels: Labelling
    reasons: dict[int, str] = field(default_factory=dict)
    body: list[int] = field(default_factory=list)
    published_cue: bool = False  # ``published`` came from a line with a "published" cue
    template: Collection[str] = ()  # template keys of lines that repeat across the site
    day_first: bool | None = None  # the page writes "07/05/2022" day first (None: month first)
    threshold: float = BODY_THRESHOLD  # body probability a block needs
    selected: list[int] = field(default_factory=list)  # the body blocks ``body_of`` chose
    title_index: int | None = None  # the headline's block

    @cached_property
    def blank_lines(self) -> bool:
        """Whether the capture separates its blocks with blank lines anywhere (WET does not)."""
        return any(block.blank_before for block in self.blocks)

    def claim(self, index: int, reason: str) -> None:
        """Mark block ``index`` as used for ``reason`` (first claim wins)."""
        self.reasons.setdefault(index, reason)


def text_capture_to_article(capture: Capture, *, explain: bool = False,
                            template: Collection[str] | None = None) -> Article:
    """The ``Article`` of a text capture: segment, label, then assemble."""
    blocks = text_to_blocks(capture.text)
    article = blocks_to_article(blocks, label_blocks(blocks), capture, explain=explain,
                                template=template)
    if article.title:
        article.title = without_kicker(article.title, article.lang)
    if article.published is None and article.updated is not None:
        # a page that shows only "Updated ..." (CNN, "Stand:"): on the development pages that
        # date is the publication day 13 times in 14; the HTML path has datePublished instead
        article.published = article.updated
        article.warnings.append("no publication date shown: published is the update date")
    return article


def blocks_to_article(blocks: list[Block], labels: Labelling, capture: Capture, *,
                      explain: bool = False, template: Collection[str] | None = None,
                      bare_name_byline: bool = True) -> Article:
    """Assemble the article from labelled blocks (see the module doc for the rules).

    ``bare_name_byline`` lets a lone name line by the headline, or a name the learned byline
    reader finds (``dateline.authors``), stand as the byline (the HTML path turns it off when
    the page's metadata names the authors)."""
    article, state = assemble(blocks, labels, capture, template=template,
                              bare_name_byline=bare_name_byline)
    if bare_name_byline:
        read_learned_byline(state, article)
    article.lang = detect_language(article.text if article.body else page_words(blocks))
    add_warnings(article)
    if explain:
        article.dropped = dropped_lines(state)
    return article


def assemble(blocks: list[Block], labels: Labelling, capture: Capture, *,
             template: Collection[str] | None = None,
             bare_name_byline: bool = True) -> tuple[Article, Assembly]:
    """The article the rules assemble from labelled blocks, before the learned byline reader
    and the language, and the state that says what each block was taken for (what
    ``dateline train`` reads the byline reader's candidates from)."""
    state = Assembly(blocks, labels, template=template or ())
    article = Article(source=capture.source, url=capture.url, warnings=list(capture.warnings))
    state, body = body_of(state)
    state.selected = body
    state.day_first = slash_day_first(state.blocks, body)
    title_index = state.title_index = find_title(state, body)
    if title_index is not None:
        article.title = clean_title(blocks[title_index].text)
        state.claim(title_index, "headline")
        article.section = find_section(state, title_index)
    read_metadata(state, article, body, title_index, bare_name_byline)
    kept = without_title_copies(state, [i for i in body if i not in state.reasons], title_index)
    state.body = drop_dangling_intros(state, drop_appeal(state, drop_author_notes(
        state, drop_name_lists(state, drop_repeats(state, kept)), article.authors)))
    for i in state.body:
        state.claim(i, "body")
    article.body = body_blocks(blocks, state.body)
    add_unique(article.sources, dateline_agencies(article.body))
    read_links(state, article)
    return article, state


def body_of(state: Assembly) -> tuple[Assembly, list[int]]:
    """The body blocks (``select_body``) and the state that chose them: when the body is scant
    (under ``SCANT_BODY_CHARS``: a page of short paragraphs the labeller doubted, an empty
    article), the page read again at ``SCANT_THRESHOLD`` if that finds more lines of
    ``SCANT_MIN_WORDS`` words or more."""
    body = select_body(state)
    if sum(len(state.blocks[i].text) for i in body) >= SCANT_BODY_CHARS:
        return state, body
    retry = Assembly(state.blocks, state.labels, template=state.template,
                     threshold=SCANT_THRESHOLD)
    narrow = set(body)
    wider = [i for i in select_body(retry)
             if i in narrow or len(_WORD.findall(state.blocks[i].text)) >= SCANT_MIN_WORDS]
    return (retry, wider) if len(wider) > len(body) else (state, body)


def page_words(blocks: list[Block]) -> str:
    """The running text of a page with no article (a section front, a page of links): its
    lines of several words, for the language of the page."""
    return "\n".join(block.text for block in blocks if len(_WORD.findall(block.text)) >= 4)


def slash_day_first(blocks: list[Block], body: list[int]) -> bool | None:
    """Whether this page writes slash dates day first ("07/05/2022" = 7 May): from a slash date
    on the page that reads only one way, else from the language of the body (English month
    first, other languages day first); None when the page has no ambiguous slash date."""
    lines = [block.text for block in blocks if len(block.text) <= 300]
    if not has_ambiguous_slash_date(lines):
        return None
    evidence = slash_order_evidence(lines)
    if evidence is not None:
        return evidence
    lang = detect_language(" ".join(blocks[i].text for i in body[:30]))
    return None if lang in (None, "en") else True


def select_body(state: Assembly) -> list[int]:
    """Indices of blocks labelled body, minus inline promos."""
    scores = state.labels.body
    body = []
    glued, counted = [], []
    listed = list_continuations(state) | uniform_runs(state)
    for i, block in enumerate(state.blocks):
        if scores[i] < state.threshold and not (scores[i] >= CJK_THRESHOLD and
                                              mostly_cjk(block.text)) and i not in listed:
            continue
        if state.template and template_key(block.text) in state.template:
            state.claim(i, "site template")
            continue
        if _INLINE_PROMO.match(block.text) or is_read_more(block.text):
            state.claim(i, "teaser")
            continue
        if may_contain(block.text, CONSENT_WORDS) and _CONSENT.search(block.text):
            state.claim(i, "cookie notice")
            continue
        if is_call_to_action(block.text):
            state.claim(i, "call to action")
            continue
        notice = page_notice(block.text)
        if notice and not is_metadata_line(block.text) and not find_dates(block.text):
            # "© Photo: AFP" is a credit, "By Ela on 31. October, 2023 | This post may contain
            # affiliate links" the byline and date: read_metadata takes those
            state.claim(i, notice)
            continue
        if block.text.endswith(NEW_TAB_ENDS) and _NEW_TAB.search(block.text) and \
                len(_WORD.findall(block.text)) <= NEW_TAB_MAX_WORDS:
            state.claim(i, "link")  # "Our Standards: The Trust Principles, opens new tab"
            continue
        if _MEDIA_PLACEHOLDER.match(block.text):
            state.claim(i, "media placeholder")
            continue
        if _CAPTION_OPENER.match(block.text) and \
                len(_WORD.findall(block.text)) <= CAPTION_OPENER_MAX_WORDS:
            state.claim(i, "caption")
            continue
        if _AD_LABEL.match(block.text):
            state.claim(i, "advertisement")
            continue
        if not is_paragraph(block.text) and read_more_below(state.blocks, i):
            continue  # a headline with its own "Read more" link is a teaser (read_links lists it)
        if i > 0 and _TAG_HEADER.match(state.blocks[i - 1].text) and keyword_list(block.text):
            continue  # the keyword list under a "Tags" header: tags, not article text
        if _TAG_LINE.match(block.text) and tag_line(block.text):
            state.claim(i, "tags")  # "Tags: backup, photos" (read_links takes the tags)
            continue
        if glued_teaser(block.text):
            glued.append(i)
        elif block.text.endswith((")", ")\n")) and _COUNT_LINK.search(block.text) and \
                headline_shaped(block.text) and \
                ". " not in block.text:
            counted.append(i)
        body.append(i)
    for rail, reason in ((glued, "teaser"), (counted, "link with a count"),
                         (dated_cards(state, body), "teaser")):
        if len(rail) >= RAIL_MIN:
            for i in rail:
                state.claim(i, reason)
            rail_set = set(rail)
            body = [i for i in body if i not in rail_set]
    body = cut_at_recommendations(state, cut_comment_section(state.blocks, body, scores))
    body = without_trailing_runs(state, with_inner_headings(state, body))
    return without_link_lists(state, cut_at_tags(state, body))


def list_continuations(state: Assembly) -> set[int]:
    """Indices of a list's intro line and items that the article holds, whatever their score.

    The labeller's score fades down a long tight list (tour dates, a feature list) as its
    window fills with short lines. A line ending in a colon that the labeller half believes
    (``LIST_INTRO_MIN``) introduces the list when two or more lines sit tight under it (the
    first may follow one blank line), each with the same bullet and no longer than a list item;
    in a capture with no blank lines at all (WET), where no gap shows where the list ends, each
    item needs ``RUN_ON_ITEM_FLOOR``."""
    blocks, scores = state.blocks, state.labels.body
    floor = LIST_ITEM_FLOOR if state.blank_lines else RUN_ON_ITEM_FLOOR
    listed: set[int] = set()
    for i, intro in enumerate(blocks[:-2]):
        if scores[i] < LIST_INTRO_MIN or not intro.text.endswith(":") or intro.tag or \
                blocks[i + 1].blank_before > 1 or links_header(intro.text):
            continue
        items = list_items(blocks, scores, i + 1, floor)
        if len(items) >= LIST_MIN_ITEMS:
            listed.update([i, *items])
    return listed


def line_shape(text: str) -> tuple[str, ...] | None:
    """The opening of a list line with its numbers blanked ("5a etapa: 20 de maio – ..." →
    ("0a", "etapa:")): lines of one list share it; None for a line of one or two words."""
    words = text.split(maxsplit=3)
    if len(words) < 3 or not _DIGITS.search(" ".join(words[:2])):
        return None
    return tuple(_DIGITS.sub("0", word.casefold()) for word in words[:2])


def uniform_runs(state: Assembly) -> set[int]:
    """Indices of runs of ``UNIFORM_RUN_MIN`` or more consecutive item-sized lines opening
    alike with a number ("1a etapa: ...", "2a etapa: ...") of which one is body and the mean
    body probability is ``UNIFORM_RUN_MEAN`` or more: a schedule whose scores fade and
    flicker, taken whole."""
    blocks, scores = state.blocks, state.labels.body
    runs: set[int] = set()
    i = 0
    while i < len(blocks):
        shape = line_shape(blocks[i].text) if len(blocks[i].text) <= LIST_ITEM_MAX_CHARS else None
        j = i + 1
        while shape and j < len(blocks) and len(blocks[j].text) <= LIST_ITEM_MAX_CHARS and \
                line_shape(blocks[j].text) == shape:
            j += 1
        if shape and j - i >= UNIFORM_RUN_MIN and max(scores[i:j]) >= state.threshold and \
                sum(scores[i:j]) >= UNIFORM_RUN_MEAN * (j - i):
            runs.update(range(i, j))
        i = j
    return runs


def links_header(text: str) -> bool:
    """Whether ``text`` heads a list of links ("Related:", "Weitere Meldungen:", "You may also
    like:")."""
    line = text.rstrip(": ")
    return bool(_RELATED_HEADER.match(line) or _POPULAR_HEADER.match(line) or
                _RECOMMEND_HEADER.match(line) or _MORE_LINKS.search(line))


def list_items(blocks: list[Block], scores, first: int, floor: float = LIST_ITEM_FLOOR) -> list[int]:
    """Indices of the tight run of same-bullet, item-sized blocks that starts at ``first``."""
    items = []
    for i in range(first, len(blocks)):
        block = blocks[i]
        if (i > first and (block.blank_before or block.bullet != blocks[first].bullet)) or \
                len(block.text) > LIST_ITEM_MAX_CHARS or scores[i] < floor or \
                not (block.bullet or len(_WORD.findall(block.text)) >= LIST_ITEM_MIN_WORDS):
            break
        items.append(i)
    return items


def cut_at_tags(state: Assembly, body: list[int]) -> list[int]:
    """``body`` up to the article's tag list ("Tags" over a keyword line, "Tags: a, b, c")
    when most of the body is above it: a tag list closes an article, and what the labeller
    took for body below it is a sidebar, a comment notice or the next post."""
    if len(body) < TAGS_CUT_MIN_ABOVE + 1:
        return body
    blocks = state.blocks
    for i in range(body[TAGS_CUT_MIN_ABOVE - 1] + 1, body[-1]):
        text = blocks[i].text
        if len(text) > TAG_LIST_MAX_CHARS or not (
                (_TAG_HEADER.match(text) and i + 1 < len(blocks) and keyword_list(blocks[i + 1].text))
                or tag_line(text)):
            continue
        pos = bisect_left(body, i)
        return cut_body(state, body, pos, "below the tags") \
            if less_text_below(blocks, body, pos) else body
    return body


def cut_body(state: Assembly, body: list[int], pos: int, reason: str) -> list[int]:
    """``body[:pos]``, with the blocks from ``body[pos]`` on claimed for ``reason``."""
    for i in body[pos:]:
        state.claim(i, reason)
    return body[:pos]


def less_text_below(blocks: list[Block], body: list[int], pos: int) -> bool:
    """True when the body blocks from ``body[pos]`` on hold fewer characters than those above
    it: a cut there keeps most of the article."""
    above = sum(len(blocks[j].text) for j in body[:pos])
    return sum(len(blocks[j].text) for j in body[pos:]) < above


def with_inner_headings(state: Assembly, body: list[int]) -> list[int]:
    """``body`` with the headings that stand between two of its blocks, right above the next,
    and that the labeller half believes (``INNER_HEADING_MIN``): the article's own subheadings,
    scored down for their shortness — an HTML page's ``h2``-``h4``, a text capture's live-blog
    entry header ("16:40 – Orange warning extended to Mayo")."""
    if not body:
        return body
    blocks, scores, chosen = state.blocks, state.labels.body, set(body)
    dom = bool(blocks[0].dom)
    added = [i for prev, i in ((body[k - 1], body[k] - 1) for k in range(1, len(body)))
             if i > prev and i not in state.reasons and scores[i] >= INNER_HEADING_MIN
             and (blocks[i].tag in INNER_HEADING_TAGS if dom else
                  _ENTRY_HEADER.match(blocks[i].text) is not None)]
    return sorted(chosen.union(added)) if added else body


def without_trailing_runs(state: Assembly, body: list[int]) -> list[int]:
    """``body`` without the runs of body blocks below the article's main run (runs split where
    more than ``RUN_GAP`` blocks lie between body blocks; the main run holds the most
    characters) that hold under ``TRAILING_RUN_SHARE`` of its characters: a teaser rail or a
    promo box under the article, not more of it (claimed)."""
    if not body:
        return body
    runs = runs_of(body)
    sizes = [sum(len(state.blocks[i].text) for i in run) for run in runs]
    main = sizes.index(max(sizes))
    kept = [i for run in runs[:main + 1] for i in run]
    for run, size in zip(runs[main + 1:], sizes[main + 1:]):
        if size >= TRAILING_RUN_SHARE * sizes[main]:
            kept.extend(run)
        else:
            for i in run:
                state.claim(i, "apart from the article")
    return kept


def cut_at_recommendations(state: Assembly, body: list[int]) -> list[int]:
    """``body`` up to a "You may also like" / "Você pode gostar..." header that sits right
    above body-like text (within ``RECOMMEND_GAP`` blocks) after the article has begun (or
    above all of it, under a paragraph the labeller doubted, ``doubted_article_above``): the
    text under it is the snippets of recommended posts, not more of the article (an inline
    box of links mid-article is followed by links, and the article resumes further down)."""
    blocks = state.blocks
    for pos in range(len(body)):
        below = body[pos]
        for i in range(max(body[pos - 1] + 1 if pos else 0, below - RECOMMEND_GAP), below + 1):
            text = blocks[i].text
            if len(text) <= RECOMMEND_HEADER_MAX and _RECOMMEND_HEADER.match(text) and \
                    (pos or doubted_article_above(state, i)):
                return cut_body(state, body, pos, "recommended")
    return body


def doubted_article_above(state: Assembly, header: int) -> bool:
    """Whether running text the labeller half believes (``SCANT_THRESHOLD``) stands above a
    recommendation header that heads all of the body: the article, scored under the cards."""
    return any(state.labels.body[j] >= SCANT_THRESHOLD and
               len(_WORD.findall(state.blocks[j].text)) >= PARAGRAPH_MIN_WORDS
               for j in range(max(0, header - HEADER_ZONE), header))


def dated_cards(state: Assembly, body: list[int]) -> list[int]:
    """Body blocks of a rail of teaser cards (a headline, a short author line, a bare date
    line, a snippet), when ``DATED_CARDS_MIN`` or more snippets sit under such a header:
    the snippets and their headlines after the first (which may be the article's own lead)."""
    blocks = state.blocks
    dated = [i for i in body if i > 2 and len(blocks[i - 1].text) <= 40 and
             i - 1 not in body and find_date_line(blocks[i - 1].text) is not None and
             len(blocks[i - 2].text.split()) <= 6 and headline_shaped(blocks[i - 3].text)]
    if len(dated) < DATED_CARDS_MIN:
        return []
    cards = set(dated[1:])
    body_set = set(body)
    for i in dated[1:]:
        cards.update(j for j in range(max(0, i - 3), i - 1)
                     if j in body_set and headline_shaped(blocks[j].text))
    return sorted(cards)


def glued_teaser(text: str) -> bool:
    """True for a promo teaser whose headline and summary a renderer glued together
    ("Customers Leave Without Paying Bill At SteakhouseA party of six left …"): a title-case
    run of 3-20 words running into a capitalised sentence of 6+ words with no space between
    them, after a lowercase word of 4+ letters, a bare number or closing punctuation ("MacBook",
    "McKinley", "LeBron" or "64GB" do not count)."""
    for match in _GLUE.finditer(text, 0, GLUE_HEAD_CHARS):
        head = text[:match.end()].split()
        if not 3 <= len(head) <= 20 or len(text[match.end():].split()) < 6:
            continue
        if match.group(1) and not head[-1][:-len(match.group(1))].strip(",.").isdigit() and \
                head[-1] != match.group(1):
            continue  # "9to5Mac": a digit inside a word
        if sum(w[0].isupper() or w[0].isdigit() for w in head) >= 0.6 * len(head):
            return True
    return False


def is_paragraph(text: str) -> bool:
    """True for a paragraph of running text: ``PARAGRAPH_MIN_WORDS`` words or more, ending a
    sentence (a teaser is a headline, perhaps with a line of summary)."""
    return len(_WORD.findall(text)) >= PARAGRAPH_MIN_WORDS and bool(_SENTENCE_END.search(text))


def read_more_below(blocks: list[Block], i: int) -> bool:
    """Whether a "Read more" link closes the teaser block ``i`` stands in: the next block, or
    one further down past the teaser's summary and age ("2 hours ago") when neither is a
    paragraph of running text."""
    aged = False
    for j in range(i + 1, min(i + 1 + TEASER_REACH, len(blocks))):
        text = blocks[j].text
        if is_read_more(text):
            return j == i + 1 or aged
        if _RELATIVE_TIME.match(text):
            aged = True
        elif j > i + 1 or is_paragraph(text):
            return False
    return False


def is_read_more(text: str) -> bool:
    """True for a bare "Read more" / "Weiterlesen" / "Lire la suite" link line (``_READ_MORE``;
    tested first on the line's first letter, which every phrase of it starts with one of)."""
    return text[:1] in _READ_MORE_FIRST and bool(_READ_MORE.match(text))


def mostly_cjk(text: str) -> bool:
    """True for a line mostly in Chinese or Japanese script (words not separated by spaces)."""
    return len(CJK_CHAR.findall(text)) >= 0.5 * len(text)


def keyword_list(text: str) -> bool:
    """True for a line of three or more short comma-separated keywords ("a, b c, d")."""
    parts = [p for p in re.split(r"\s*[,;|]\s*", text.strip(" .")) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 6 and not _SENTENCE_END.search(p)
                                   for p in parts)


def word_shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    """The set of casefolded word ``n``-grams of ``text`` (the whole text if shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= n:
        return {tuple(words)} if words else set()
    return set(zip(*(words[k:] for k in range(n))))  # (the n-grams, without a slice each)


def drop_name_lists(state: Assembly, body: list[int]) -> list[int]:
    """The body without a staff list: a run of at least ``NAME_LIST_MIN`` blocks that are each
    a bare person's name (with short group headings such as "Editorial" between them) is the
    site's masthead or team page, not the article."""
    if len(body) < NAME_LIST_MIN:
        return body
    dropped: set[int] = set()
    run: list[int] = []  # the current run of names and group headings
    names = 0
    for i in body:
        text = state.blocks[i].text
        if parse_name_line(text):
            run.append(i)
            names += 1
        elif len(text.split()) <= 3 and not _SENTENCE_END.search(text):
            run.append(i)  # a group heading inside the list
        else:
            if names >= NAME_LIST_MIN:
                dropped.update(run)
            run, names = [], 0
    if names >= NAME_LIST_MIN:  # a list that runs to the end of the body
        dropped.update(run)
    for i in dropped:
        state.claim(i, "list of names")
    return [i for i in body if i not in dropped]


def drop_author_notes(state: Assembly, body: list[int],
                      authors: Sequence[str] = ()) -> list[int]:
    """The body without the notes that close an article: the writer's bio ("Anna Berg is a
    professor of urban sociology ...", "Ruth Okafor covers city government ...") and the
    contact line ("Write to letters@..."), and the signature of one of the ``authors``, looked
    for among the last ``AUTHOR_NOTE_TAIL`` blocks; the body is cut at the first one, and all
    after it goes with it."""
    for pos in range(max(1, len(body) - AUTHOR_NOTE_TAIL), len(body)):
        text = state.blocks[body[pos]].text
        if len(_WORD.findall(text)) <= AUTHOR_NOTE_MAX_WORDS and _AUTHOR_NOTE.match(text):
            return cut_body(state, body, pos, "author note")
        if pos == len(body) - 1 and signs_article(text, authors):
            return cut_body(state, body, pos, "signature")
    return body


def signs_article(text: str, authors: Sequence[str]) -> bool:
    """Whether ``text`` (the last body block) is the article's signature: a short line
    opening with the name of one of its authors, a place or role after it ("Claire Morvan
    (Lyon, correspondante)", "Jo Roe, Berlin")."""
    return len(_WORD.findall(text)) <= SIGNATURE_MAX_WORDS and not text.endswith(".") and any(
        text.startswith(name) and text[len(name):].startswith((" (", ", ", " / ", " – "))
        for name in authors)


def without_title_copies(state: Assembly, body: list[int], title_index: int | None) -> list[int]:
    """``body`` without the blocks above the headline that repeat it word for word (claimed):
    the last crumb of a breadcrumb trail, a sticky header, or a breadcrumb trail that ends in it
    ("Home News Business News <headline>"). A copy below it is the body's own
    (a blog repeats its title)."""
    if title_index is None or not body or body[0] >= title_index:
        return body
    title_words = _WORD.findall(state.blocks[title_index].text.casefold())
    kept = []
    for i in body:
        words = _WORD.findall(state.blocks[i].text.casefold()) if i < title_index else ()
        if words == title_words:
            state.claim(i, "headline repeated")
        elif crumbs_before(words, title_words):
            state.claim(i, "breadcrumb")  # "Home News Business News <the headline>"
        else:
            kept.append(i)
    return kept


def drop_appeal(state: Assembly, body: list[int]) -> list[int]:
    """The body without a closing appeal for money ("Support Snopes and make a difference
    ...", "Become a member", "Unterstützen Sie unabhängigen Journalismus"): cut at the first
    body block after ``APPEAL_MIN_ABOVE`` blocks that makes one, when less of the body is below
    it than above; a short heading right above it ("A Word to Our Loyal Readers") goes too."""
    blocks = state.blocks
    for pos in range(APPEAL_MIN_ABOVE, len(body)):
        text = blocks[body[pos]].text
        if len(text) > APPEAL_MAX_CHARS or not may_contain(text, APPEAL_WORDS) or \
                not _APPEAL.search(text):
            continue
        if not less_text_below(blocks, body, pos):
            return body
        heading = blocks[body[pos - 1]].text  # (pos >= APPEAL_MIN_ABOVE: there is one above)
        if body[pos - 1] == body[pos] - 1 and len(_WORD.findall(heading)) <= 8 and \
                not _SENTENCE_END.search(heading):
            pos -= 1
        return cut_body(state, body, pos, "appeal for support")
    return body


def drop_dangling_intros(state: Assembly, body: list[int]) -> list[int]:
    """``body`` without a short line ending in a colon whose list or paragraph did not make it
    into the body ("Lesen Sie auch die folgenden Beiträge:", "Tags:", "Veja também:"), or a
    short header in the words of a links box ("Sie könnten auch an folgenden Artikeln
    interessiert sein", "Other interesting sites") with nothing of the body under it: what it
    introduced was links or chrome, so it heads nothing of the article."""
    kept = []
    for k, i in enumerate(body):
        text = state.blocks[i].text
        words = len(_WORD.findall(text))
        if (k + 1 == len(body) or body[k + 1] > i + INTRO_REACH) and (
                text.endswith(":") and words <= INTRO_MAX_WORDS or
                words <= LINKS_HEADER_MAX_WORDS and not _SENTENCE_END.search(text) and
                links_header(text)):
            state.claim(i, "heads nothing of the article")
            continue
        kept.append(i)
    return kept


def drop_repeats(state: Assembly, body: list[int]) -> list[int]:
    """``body`` without blocks that repeat body text above them.

    A page that prints its article twice (a print or AMP copy, an "articleBody" dump at the
    foot), an image's alt text echoed by its caption, or a headline repeated down the page adds
    the same words again: a block is dropped when ``REPEAT_SHARE`` of its word 4-grams already
    occurred in the body kept above it. Lines under ``REPEAT_MIN_WORDS`` words are kept: short
    list items and subheadings recur in real articles.
    """
    seen: set[tuple[str, ...]] = set()
    kept = []
    for i in body:
        text = state.blocks[i].text
        grams = word_shingles(text)
        if len(grams & seen) >= REPEAT_SHARE * len(grams) and \
                len(_WORD.findall(text)) >= REPEAT_MIN_WORDS:  # (the cheaper test first)
            state.claim(i, "repeated text")
            continue
        seen |= grams
        kept.append(i)
    return kept


def page_notice(text: str) -> str | None:
    """What page notice a short line is — "legal notice" ("Copyright 2025 The Associated Press.
    All rights reserved."), "reading time" ("Temps de lecture : 4 min"), "disclosure" ("We may
    earn a commission ...") — or None for any other line."""
    low = text.lower()
    if may_contain(text, LEGAL_NOTICE_WORDS, low) and _LEGAL_NOTICE.search(text) and \
            len(_WORD.findall(text)) <= LEGAL_NOTICE_MAX_WORDS:
        return "legal notice"
    if may_contain(text, LICENCE_WORDS, low) and _LICENCE_NOTICE.search(text) and \
            _LICENSED.search(text) and len(_WORD.findall(text)) <= LEGAL_NOTICE_MAX_WORDS * 2:
        return "licence notice"
    if _DIGIT.search(text) and _READING_TIME.match(text) and len(_WORD.findall(text)) <= 10:
        return "reading time"
    if may_contain(text, DISCLOSURE_WORDS, low) and _DISCLOSURE.search(text) and \
            len(_WORD.findall(text)) <= DISCLOSURE_MAX_WORDS:
        return "disclosure"
    if may_contain(text, FORM_NOTICE_WORDS, low):
        for words, pattern, notice in _FORM_NOTICES:
            if may_contain(text, words, low) and pattern.search(text) and \
                    len(_WORD.findall(text)) <= FORM_NOTICE_MAX_WORDS:
                return notice
    return None


def is_call_to_action(text: str) -> bool:
    """True for a short appeal to the reader ("Subscribe to our newsletter", "Follow us on
    Twitter", "Get the Example News app", "Click here to support us"): never article text."""
    return len(text.split()) <= CALL_TO_ACTION_MAX_WORDS and \
        may_contain(text, CALL_TO_ACTION_WORDS) and bool(_CALL_TO_ACTION.search(text))


def may_contain(text: str, words: tuple[str, ...], low: str | None = None) -> bool:
    """False only when ``text`` holds none of the lower-case ``words``, not even in the
    case-insensitive sense of ``re.IGNORECASE`` (a cheap test before a slow pattern that
    needs one of them). ``low`` is ``text.lower()`` when the caller has it already."""
    if low is None:
        low = text.lower()
    for word in words:  # (a loop: cheaper than any() over a generator)
        if word in low:
            return True
    return not text.isascii() and any(c in text for c in _CASE_TRAPS)


def is_comment_form(text: str) -> bool:
    """True for a line of the comment form ("Your email address will not be published")."""
    return may_contain(text, COMMENT_FORM_WORDS) and bool(_COMMENT_FORM.search(text))


def comment_section_start(blocks: list[Block], after: int,
                          comment_lines: list[int]) -> int | None:
    """Index of the block where a reader-comment section starts below block ``after``, or None.

    A comments header ("Comments", "12 Comments", "3 thoughts on “…”", "Leave a Reply",
    "Kommentare", "commentaires") starts one when a comment line ("Ann on May 2, 2019 at 4:47 pm
    said:", "Bob says:", "Reply") or the comment form ("Your email address will not be
    published") follows within ``COMMENT_EVIDENCE_SPAN`` blocks; without a header, the comment
    form starts one, and so do two comment lines within ``COMMENT_META_SPAN`` blocks (at the
    first). ``comment_lines``: the indices of the page's comment lines
    (``comment_line_indices``, found once per page).
    """
    metas = comment_lines[bisect_right(comment_lines, after):]
    next_meta = dict(zip(metas, metas[1:]))
    for i in range(after + 1, len(blocks)):
        text = blocks[i].text
        if len(text) <= 200 and _COMMENT_HEADER.match(text) and any(
                is_comment_evidence(b.text) for b in blocks[i + 1:i + 1 + COMMENT_EVIDENCE_SPAN]):
            return i
        if len(text) <= 200 and is_comment_form(text):
            return i  # the comment form ("Your email address will not be published") itself
        if i in next_meta and next_meta[i] - i <= COMMENT_META_SPAN:
            return i
    return None


def comment_line_indices(blocks: list[Block]) -> list[int]:
    """Indices of the blocks that head one reader comment (``is_comment_line``), in order."""
    return [i for i, block in enumerate(blocks) if is_comment_line(block.text)]


def is_comment_evidence(text: str) -> bool:
    """True for a line only a comment thread has: a comment line, the comment form, or a bare
    date with a clock time ("August 8, 2018 at 3:17 pm") as comments are stamped."""
    if is_comment_line(text) or is_comment_form(text):
        return True
    return len(text) <= 60 and bool(_CLOCK.search(text)) and find_date_line(text) is not None


def is_comment_line(text: str) -> bool:
    """True for the line heading one reader comment ("Ann on May 2, 2019 at 4:47 pm said:")."""
    return len(text) <= 120 and may_contain(text, COMMENT_LINE_WORDS) and \
        bool(_COMMENT_META.match(text))


def cut_comment_section(blocks: list[Block], body: list[int],
                        scores: np.ndarray | None = None) -> list[int]:
    """``body`` without the blocks from the start of a reader-comment section on.

    Only a section below the first body block counts: comments follow the article. When the
    thread starts just above the first body block (``COMMENT_LOOKBACK`` blocks), the labeller
    took the comments for the article: the article is the blocks just above the thread
    (``RESCUE_SPAN``) that ``scores`` gives at least ``RESCUE_THRESHOLD``, if there are any.
    """
    if not body:
        return body
    # where a section starts does not depend on where the search begins, so one search from
    # the lookback also gives the first section below the body
    after = body[0] if scores is None else max(-1, body[0] - COMMENT_LOOKBACK - 1)
    comment_lines = comment_line_indices(blocks)
    start = comment_section_start(blocks, after, comment_lines)
    deep = thread_start_above(blocks, body[0], comment_lines) if scores is not None else None
    if deep is not None and (start is None or start > body[0] or deep < start):
        start = deep  # the thread began well above: the article is above its start
    if start is not None and start <= body[0]:
        above = [i for i in range(max(0, start - RESCUE_SPAN), start)
                 if scores[i] >= RESCUE_THRESHOLD]
        if above:
            return above
        start = comment_section_start(blocks, body[0], comment_lines)
    return body if start is None else [i for i in body if i < start]


def thread_start_above(blocks: list[Block], first: int,
                       comment_lines: list[int]) -> int | None:
    """Where a comment thread starts when block ``first`` lies deep inside it (its comment
    lines, ``comment_lines``, run on to just above ``first``), else None: the labeller took a
    long comment for the article, and the article is above the thread."""
    lo = max(0, first - COMMENT_LOOKBACK - 1)
    if bisect_left(comment_lines, lo) == bisect_left(comment_lines, first):
        return None  # no comment line in blocks[lo:first]
    start = comment_section_start(blocks, -1, comment_lines)
    return start if start is not None and start < first else None


def without_link_lists(state: Assembly, body: list[int]) -> list[int]:
    """``body`` without its whole-link blocks when those hold most of its words: a page that
    is a list of links (an index, a sitemap) has no article in them."""
    words = [len(state.blocks[i].text.split()) for i in body]
    linked = sum(n for i, n in zip(body, words) if state.blocks[i].href)
    if not body or linked <= LINK_LIST_SHARE * sum(words):
        return body
    for i in body:
        if state.blocks[i].href:
            state.claim(i, "link list")
    return [i for i in body if not state.blocks[i].href]


def find_title(state: Assembly, body: list[int]) -> int | None:
    """Index of the headline block: the labeller's best guess above (or near) the body.

    Among the candidates, a text capture's headline is chosen by the headline ranker
    (``dateline.headline``) when one is shipped; an HTML page's by the ``title_html`` score."""
    blocks, probs = state.blocks, state.labels.title
    if not blocks:
        return None
    is_metadata = remembered(is_metadata_line)  # the ranker asks again about lines near
    candidates, first_body = title_candidates(state, body, is_metadata)
    if candidates and max(probs[i] for i in candidates) >= TITLE_MIN_PROB:
        if blocks[0].dom:
            return max(candidates, key=lambda i: probs[i])
        unstopped = [i for i in candidates if not (ends_with_full_stop(blocks[i].text) and
                                                   state.labels.body[i] >= LIKELY_BODY)]
        if unstopped and max(probs[i] for i in unstopped) >= TITLE_MIN_PROB:
            candidates = unstopped  # a full-stop line heads a page only for want of another
        return headline_without_crumbs(blocks, rank_headlines(blocks, state.labels, candidates,
                                                              first_body, body, is_metadata))
    for i in range(min(first_body, len(blocks) - 1), max(-1, first_body - HEADER_ZONE), -1):
        if i == first_body and _INNER_SENTENCE_END.search(blocks[i].text):
            continue  # the first body block may be the headline, but not one holding sentences
        if headline_shaped(blocks[i].text) and not is_metadata(blocks[i].text) \
                and not is_chrome_line(blocks[i].text):
            return i
    return None


def headline_without_crumbs(blocks: list[Block], index: int | None) -> int | None:
    """The block of the headline itself when the chosen line is the headline behind a breadcrumb
    trail or a kicker ("Start Top Thema DGB: Brückensperrung ..." with "DGB: Brückensperrung
    ..." a few lines off): a line near it that is its tail, of ``CRUMB_TAIL_MIN_WORDS`` words or
    more, under at most ``CRUMB_MAX_WORDS`` words of prefix not ending in a colon (a topic
    label: "Italien: Reise- und Sicherheitshinweise"); else ``index``."""
    if index is None:
        return index
    words = _WORD.findall(blocks[index].text.casefold())
    if len(words) < CRUMB_TAIL_MIN_WORDS + 1:
        return index
    for j in range(max(0, index - CRUMB_REACH), min(len(blocks), index + CRUMB_REACH + 1)):
        text = blocks[j].text
        if j == index or len(text) >= len(blocks[index].text):
            continue
        if crumbs_before(words, _WORD.findall(text.casefold())) and \
                not kicker_colon(blocks[index].text, text):
            return j
    return index


def crumbs_before(words: list[str], tail: list[str]) -> bool:
    """Whether ``words`` are ``tail`` (``CRUMB_TAIL_MIN_WORDS`` words or more) behind at most
    ``CRUMB_MAX_WORDS`` words of breadcrumbs or kicker."""
    return CRUMB_TAIL_MIN_WORDS <= len(tail) < len(words) <= len(tail) + CRUMB_MAX_WORDS and \
        words[-len(tail):] == tail


def kicker_colon(title: str, tail: str) -> bool:
    """Whether ``title`` is "Italien: <tail>": a topic and a colon are part of a headline."""
    cut = title.casefold().rfind(tail.casefold()[:20])
    return cut > 0 and title[:cut].rstrip().endswith(":")


def ends_with_full_stop(text: str) -> bool:
    """True for a line ending in one full stop ("Das Lexikon."), not in an ellipsis."""
    return text.endswith(".") and not text.endswith("..")


def remembered(test: Callable[[str], bool]) -> Callable[[str], bool]:
    """``test`` with its answers kept for the texts it was asked about (for one page)."""
    answers: dict[str, bool] = {}

    def cached(text: str) -> bool:
        answer = answers.get(text)
        if answer is None:
            answer = answers[text] = test(text)
        return answer
    return cached


def title_candidates(state: Assembly, body: list[int],
                     is_metadata: Callable[[str], bool] | None = None) -> tuple[list[int], int]:
    """The blocks that may be the headline (title-shaped, not metadata, above or at the start
    of the likely body), and the index of the block the article starts at (``main_run_start``
    of the likely body blocks). ``is_metadata`` stands for ``is_metadata_line`` (a remembering
    copy of it, say)."""
    is_metadata = is_metadata or is_metadata_line
    blocks = state.blocks
    likely = [i for i in body if state.labels.body[i] >= LIKELY_BODY]
    if not likely:
        first_body = body[0] if body else len(blocks)
    else:  # (an HTML page's headline is its best ``title_html`` score above the first one)
        first_body = likely[0] if blocks[0].dom else main_run_start(blocks, likely)
    limit = min(len(blocks), first_body + 3)
    likely_set = set(likely)
    candidates = [i for i in range(limit) if (i not in likely_set or i == first_body)
                  and title_shaped(blocks[i].text) and not is_metadata(blocks[i].text)
                  and not is_chrome_line(blocks[i].text) and not is_captioned(state, i)]
    return candidates, first_body


CRUMB_REACH = 6  # blocks either side of a headline searched for the headline without its crumbs
CRUMB_TAIL_MIN_WORDS = 3
CRUMB_MAX_WORDS = 6
RUN_GAP = 8  # likely-body blocks further apart than this belong to different runs
INNER_HEADING_TAGS = ("h2", "h3", "h4")
_ENTRY_HEADER = re.compile(r"^\d{1,2}[:.h]\d{2}\s*(?:[–—-]|Uhr\b)\s*\S.{0,150}$")
INNER_HEADING_MIN = 0.2  # body probability of a heading between body blocks that joins them
TRAILING_RUN_SHARE = 0.3  # a run below the main one holding less of the text is not the article


def main_run_start(blocks: list[Block], likely: list[int]) -> int:
    """The first block of the run of likely-body blocks (gaps of up to ``RUN_GAP``) that holds
    the most characters: where the article starts, past a stray early block (a cookie notice,
    a teaser the labeller took for body) above the headline."""
    return max(runs_of(likely), key=lambda run: sum(len(blocks[i].text) for i in run))[0]


def runs_of(indices: list[int]) -> list[list[int]]:
    """``indices`` (ascending, not empty) split into runs where more than ``RUN_GAP`` blocks
    lie between two of them."""
    runs = [[indices[0]]]
    for i in indices[1:]:
        if i - runs[-1][-1] > RUN_GAP:
            runs.append([])
        runs[-1].append(i)
    return runs


def is_captioned(state: Assembly, i: int) -> bool:
    """True for a short line with a photo credit tight under it: a caption, not a headline
    ("La passeggiata a lago davanti a Villa Olmo" / "Foto: Paolo Ferri")."""
    blocks, following = state.blocks, i + 1
    return following < len(blocks) and not blocks[following].blank_before and \
        not blocks[following].tag and state.blank_lines and credit_only(blocks[following].text)


def is_chrome_line(text: str) -> bool:
    """True for a line made mostly of page-chrome phrases ("Skip to main content", "Privacy
    policy", "Anzeige"): never a headline, however headline-like it looks."""
    words = _WORD.findall(text.lower())
    return chrome_share(words) >= 0.5 or is_consent_heading(text) or consent_buttons(words)


def is_consent_heading(text: str) -> bool:
    """True for the heading of a cookie-consent box ("Vos choix concernant l'utilisation des
    cookies", "Cookie settings", "Datenschutz-Einstellungen und Cookies")."""
    return len(text) <= 120 and may_contain(text, CONSENT_WORDS) and \
        _CONSENT_HEADING.search(text) is not None


def consent_buttons(words: list[str]) -> bool:
    """True for a row of consent-box buttons ("Accepter et fermer Refuser Paramétrer", "Accept
    all Reject all Manage settings"): two or more button words and nothing else."""
    return 2 <= len(words) <= 12 and all(word in CONSENT_BUTTON_WORDS for word in words) and \
        sum(word in CONSENT_BUTTON_VERBS for word in words) >= 2


def is_metadata_line(text: str) -> bool:
    """True for a byline, date line or credit: never a headline."""
    return bool(find_date_line(text) or parse_byline(text) or parse_photo_credit(text))


_TITLE_DATE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{4}(?:\s*[-–|:]\s*|\s+|(?=[^\W\d_]))")


def clean_title(text: str) -> str:
    """A headline without text-browser link residue ("[>", "<", "»") around it; brackets that
    belong to it ("[Review] Love is War") are kept."""
    title = _TITLE_EDGES.sub("", text)
    while title.startswith("[") and "]" not in title or title.startswith("]"):
        title = _TITLE_EDGES.sub("", title[1:])
    while title.endswith("]") and "[" not in title or title.endswith("["):
        title = _TITLE_EDGES.sub("", title[:-1])
    if title.startswith("[") and title.endswith("]") and title.count("[") == 1:
        title = title[1:-1].strip()  # "[alt text]": an image as a text browser shows it
    dated = _TITLE_DATE.match(title)
    if dated and len(title) - dated.end() >= 10:
        title = title[dated.end():]  # "27.01.2022MineralölINFO ...": a date span glued on
    return title or text


def title_shaped(text: str) -> bool:
    """True for a line the headline model may pick: 1-25 words, not a sentence run-on, not an
    address, a file name or a PHP warning."""
    n = len(_WORD.findall(text))
    return (1 <= n <= 25 and not text.endswith((",", ":", ";")) and not is_read_more(text)
            and not (text.endswith(".") and n > SHORT_TITLE_WORDS)
            and not _NOT_A_TITLE.search(text) and not _NO_HEADLINE.search(text)
            and not _CHROME_TITLE.search(text))


def headline_shaped(text: str) -> bool:
    """True for a line that could be a headline: 3-25 words, not ending like a sentence."""
    n = len(_WORD.findall(text))
    return 3 <= n <= 25 and not text.endswith((".", ",", ":", ";")) and not is_read_more(text)


def find_section(state: Assembly, title_index: int) -> str | None:
    """A short section label right above the headline ("Middle East", "Home > World > Asia")."""
    for i in range(title_index - 1, max(-1, title_index - 4), -1):
        block = state.blocks[i]
        text = block.text
        if i in state.reasons or block.bullet:
            continue
        if _BREADCRUMB.search(text):
            parts = [p.strip() for p in re.split(r"\s(?:>|»|/|›|\|)\s", text) if p.strip()]
            if any(is_metadata_line(p) for p in parts):
                continue  # "Home | By Jane Doe | 30 September 2018": a byline, not a trail
            if 1 < len(parts) <= 6 and all(len(p.split()) <= 4 for p in parts):
                state.claim(i, "section")
                return parts[-1]
        n = len(_WORD.findall(text))
        if 1 <= n <= 4 and not _SENTENCE_END.search(text) and not any(ch.isdigit() for ch in text) \
                and not find_date_line(text) and not parse_byline(text) \
                and not parse_name_line(text):  # "Christian Mihatsch" above it is the byline
            state.claim(i, "section")
            return text
    return None


def metadata_zone(state: Assembly, body: list[int], title_index: int | None) -> list[int]:
    """Block indices scanned for metadata: around the headline, inside the body, and after it."""
    n = len(state.blocks)
    if body:
        start = min(body[0], title_index if title_index is not None else body[0]) - HEADER_ZONE
        end = body[-1] + FOOTER_ZONE
    elif title_index is not None:
        start, end = title_index - HEADER_ZONE, title_index + HEADER_ZONE
    else:
        start, end = 0, n
    return list(range(max(0, start), min(n, end + 1)))


def read_metadata(state: Assembly, article: Article, body: list[int],
                  title_index: int | None, bare_name_byline: bool = True) -> None:
    """Fill dates, bylines, credits and sources from the lines around and inside the body;
    with ``bare_name_byline``, a lone name line by the headline when no byline says "By"."""
    zone = metadata_zone(state, body, title_index)
    for i in zone:
        if i in state.reasons:
            continue
        text = state.blocks[i].text
        if len(text) > 300:
            continue
        cue = lone_cue(text)
        if cue and i + 1 < len(state.blocks) and i + 1 not in state.reasons \
                and not (body and i > body[-1]):
            if read_split_byline(cue, state.blocks[i + 1].text, article):
                state.claim(i, "byline")
                state.claim(i + 1, "byline")
                continue
        reason = read_metadata_line(text, article, state, below_body=bool(body) and i > body[-1])
        if reason:
            state.claim(i, reason)
            if reason == "credit":
                claim_caption_above(state, i)
    if article.published is None:
        read_far_date(state, article, body, set(zone))
    if article.published is None and article.updated is None:
        article.published = leading_date_near(state, body, title_index)
    if bare_name_byline and not article.authors and not article.byline_org:
        read_name_byline(state, article, body, title_index)


def claim_caption_above(state: Assembly, credit: int) -> None:
    """Claim the photo caption that a credit line closes and the image placeholder above it
    ("[otters.jpg]", "[Waves break over the sea wall]"): the caption is the block right above
    a credit-only line with no blank line between them (a ``figcaption`` on HTML pages); the
    placeholder is a bracketed line right above the caption or the credit."""
    blocks = state.blocks
    above = credit - 1
    if above < 0 or above in state.reasons:
        return
    if credit_only(blocks[credit].text) and is_caption_above(blocks[above], blocks[credit],
                                                             state.blank_lines):
        state.claim(above, "caption")
        above -= 1
    if above >= 0 and above not in state.reasons and _BRACKETED.match(blocks[above].text):
        state.claim(above, "image")


def credit_only(text: str) -> bool:
    """True for a line that is a photo credit and nothing more ("Photograph: Jo Roe", "MARIE
    LEROUX POUR « LE MONDE »"), not a caption that ends in one."""
    credits = parse_photo_credit(text)
    return bool(credits) and not _SOURCE_CUE.match(text) and \
        len(_WORD.findall(text)) - len(_WORD.findall(credits[0])) <= CREDIT_CUE_MAX_WORDS


def is_caption_above(block: Block, credit: Block, blank_lines: bool) -> bool:
    """Whether ``block`` reads as the caption of the credit line under it: short and a
    ``figcaption`` on an HTML page; in a text capture, a sentence tight against the credit (a
    capture without blank lines, like WET, cannot show that: no caption there)."""
    if len(_WORD.findall(block.text)) > CAPTION_MAX_WORDS or \
            len(_INNER_SENTENCE_END.findall(block.text)) > 1:
        return False
    if block.tag:
        return block.tag in ("figcaption", "caption")
    return blank_lines and not credit.blank_before and bool(_SENTENCE_END.search(block.text))


def lone_cue(text: str) -> str | None:
    """The byline cue a line ends with when nothing but a one-word label stands before it
    ("Von", "Author:", "Disko Von"), or None."""
    if len(text) > 40:
        return None
    if _LONE_CUE.match(text):
        return text
    trailing = _TRAILING_CUE.match(text)
    return trailing[1] if trailing else None


def read_split_byline(cue: str, names: str, article: Article) -> bool:
    """A byline whose cue stands alone on its line and whose names are on the next ("Von" /
    "Jane Doe": spans a renderer put on two lines); True if it was one. Weaker evidence than a
    one-line byline: every name must open with a known given name."""
    byline = parse_byline(f"{cue.strip()} {names.strip()}")
    if not byline or not byline.authors or \
            not all(starts_with_given_name(name) for name in byline.authors):
        return False
    if not article.authors:
        article.authors = list(byline.authors)
    return True


def read_far_date(state: Assembly, article: Article, body: list[int], zone: set[int]) -> None:
    """No date line near the article: take the first one elsewhere on the page, above the body
    first, then below it (a post's date in a sidebar box, a footer "last modified" line).
    The ``zone`` already read (it holds the body) is skipped."""
    blocks = state.blocks
    first_body = body[0] if body else len(blocks)
    for i in [*range(first_body - 1, -1, -1), *range(first_body, len(blocks))]:
        if i in zone or i in state.reasons or len(blocks[i].text) > 200:
            continue
        for date in find_dates(blocks[i].text, state.day_first):
            if date.kind == "updated":
                continue
            article.published = date.iso
            state.claim(i, "date")
            return


def name_zone_start(title_index: int | None, first_body: int) -> int:
    """The first block where a bare byline or date may stand by the article: a few blocks above
    the headline, or ``HEADER_ZONE`` blocks above the body when there is no headline."""
    start = title_index - NAME_ZONE_ABOVE if title_index is not None else first_body - HEADER_ZONE
    return max(0, start)


def leading_date_near(state: Assembly, body: list[int], title_index: int | None) -> str | None:
    """No date line anywhere: the day a line by the headline or at the start of the body opens
    with ("01.02.2022 „Der Arbeitsmarkt ist gut in ...", "27.01.2020 Soziales & Gesundheit"):
    a date glued to the lead or to a category the page printed without a break. The line stays
    where it is (body text keeps its words)."""
    first_body = body[0] if body else len(state.blocks)
    start = name_zone_start(title_index, first_body)
    for i in range(start, min(first_body + NAME_BODY_SPAN + 1, len(state.blocks))):
        if _DIGIT.search(state.blocks[i].text[:12]):
            found = leading_date(state.blocks[i].text, state.day_first)
            if found:
                return found
    return None


def read_name_byline(state: Assembly, article: Article, body: list[int],
                     title_index: int | None) -> None:
    """A bare name line by the headline ("Julius Richter" under it, no "By"): the byline.
    Looked for from a few blocks above the headline down to the first few body blocks (a
    name line the labeller left out between the lead and the next paragraph), then beside or
    on the article's date line, and last right below the article (a signature)."""
    first_body = body[0] if body else len(state.blocks)
    start = name_zone_start(title_index, first_body)
    last = body[min(len(body), NAME_BODY_BLOCKS) - 1] if body else first_body
    near_end = min(last, first_body + NAME_BODY_SPAN)  # (the first body blocks may be far apart)
    for i in range(start, min(near_end + 1, len(state.blocks))):
        if i == title_index:
            continue
        people = names_on_line(state, i)
        if people:
            article.authors = list(people)
            state.claim(i, "byline")
            return
    # a name line right above or below the article's date line, among its first blocks
    for i in range(start, min(last + 1, len(state.blocks))):
        if state.reasons.get(i) != "date":
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(state.blocks) and j != title_index and j not in state.reasons:
                text = state.blocks[j].text
                people = parse_name_line(text) or parse_given_name_line(text)
                if people:
                    article.authors = list(people)
                    state.claim(j, "byline")
                    return
    # a name line right below a date line of the footer ("Letzte Aktualisierung" /
    # "31.10.2023" / "Tom Arnold"), the name the article's date closes with
    if body:
        for i in range(body[-1] + 1, min(body[-1] + 1 + FOOTER_ZONE, len(state.blocks) - 1)):
            if state.reasons.get(i) == "date" and i + 1 not in state.reasons:
                people = parse_name_line(state.blocks[i + 1].text)
                if people:
                    article.authors = list(people)
                    state.claim(i + 1, "byline")
                    return
    # a name line signing the article right below its last paragraph (not the first of a
    # list of short labels: "Angela Merkel" / "Politik" / "Bundesregierung" are tags; not a
    # contact person under "Kontakt:")
    if body:
        blocks = state.blocks
        for j in range(body[-1] + 1, min(body[-1] + 1 + SIGNATURE_SPAN, len(blocks))):
            people = names_on_line(state, j)
            labels_after = [len(_WORD.findall(b.text)) <= 3 for b in blocks[j + 1:j + 3]]
            if people and not (len(labels_after) == 2 and all(labels_after)) and \
                    not _CONTACT_LABEL.match(blocks[j - 1].text):
                article.authors = list(people)
                state.claim(j, "byline")
                return


def read_learned_byline(state: Assembly, article: Article) -> None:
    """No byline rule named anyone: the authors the learned byline reader finds
    (``dateline.authors``), if any. The line stays where it is. A page with no article body
    (a section front, a page of links) gets no author from it."""
    if article.authors or article.byline_org or not state.body:
        return
    names = learned_authors(state, article.authors)
    if names:
        article.authors = names


def names_on_line(state: Assembly, i: int) -> tuple[str, ...] | None:
    """The people block ``i`` names without a byline cue: a bare name line, or the names on
    the article's date line ("30. Oktober 2023 Carola Pönisch Kultur", "Ariel Melgar Cabrera
    3/5/2022 22:41"); None for a block already taken as anything else."""
    reason = state.reasons.get(i)
    if reason is None:
        return parse_name_line(state.blocks[i].text)
    if reason == "date":
        text = state.blocks[i].text
        return parse_dated_name_line(text) or parse_name_line(text)
    return None


def read_metadata_line(text: str, article: Article, state: Assembly,
                       below_body: bool = False) -> str | None:
    """Take what one line says about the article; return its reason label, or None.
    ``below_body``: the line comes after the article (a "Published" cue there is another
    post's, it does not beat a date line found by the article)."""
    sources = parse_sources(text)
    if sources:
        add_unique(article.sources, sources)
        return "source"
    credits = parse_photo_credit(text)
    if credits:
        add_unique(article.photo_credits, credits)
        return "credit"
    dates = find_dates(text, state.day_first)
    byline = parse_byline(text)
    own_byline = False  # the line gives the article's byline
    if byline and (byline.authors or byline.org):
        if byline.authors and not article.authors:
            article.authors = list(byline.authors)
            own_byline = True
        if byline.org and not article.byline_org:
            article.byline_org = byline.org
    # a "published" cue (not one in a sentence: "Dieser Beitrag ist am 1. Juni 2017 in X
    # erschienen.") or the article's byline on the line makes its date explicit
    for date in dates:
        explicit = (date.kind == "published" and not reads_as_prose(text)) or own_byline
        if date.kind == "updated":
            article.updated = article.updated or date.iso
        elif article.published is None or (explicit and not state.published_cue
                                            and not below_body):
            # an explicit date beats a bare date seen earlier
            article.published = date.iso
            state.published_cue = explicit
    if dates:
        return "date"
    return "byline" if byline and (byline.authors or byline.org) else None


def add_unique(target: list[str], values) -> None:
    """Append each value not already in ``target`` (case-insensitive)."""
    seen = {v.casefold() for v in target}
    for value in values:
        if value.casefold() not in seen:
            target.append(value)
            seen.add(value.casefold())


def dateline_agencies(body: list[BodyBlock]) -> list[str]:
    """The wire agencies a wire story's dateline credits: "LONDON, March 3 (Reuters) - ",
    "ANCHORAGE, Alaska (AP) — ", "Madrid, 4 feb (EFE).- ", in the first body blocks."""
    for block in body[:DATELINE_BLOCKS]:
        match = _WIRE_DATELINE.match(block.text)
        if match:
            names = match[1].split("/")
            if all(is_wire_agency(name) for name in names):
                return [canonical_agency(name) for name in names]
    return []


def body_blocks(blocks: list[Block], indices: list[int]) -> list[BodyBlock]:
    """Typed body blocks (paragraph, subheading, quote, list_item) in reading order."""
    if not indices:
        return []
    indents = sorted(blocks[i].indent for i in indices)
    base_indent = indents[len(indents) // 2]
    out = []
    for pos, i in enumerate(indices):
        block = blocks[i]
        out.append(BodyBlock(kind=body_kind(block, base_indent, pos, len(indices)),
                             text=block.text))
    return out


def body_kind(block: Block, base_indent: int, pos: int, total: int) -> str:
    """The kind of one body block from its shape and layout (its tag, for HTML blocks)."""
    if block.tag:
        kind = _TAG_KINDS.get(block.tag)
        if kind:
            return kind
    if block.bullet:
        return "list_item"
    inner = 0 < pos < total - 1 and not _SENTENCE_END.search(block.text)
    indented = block.indent > base_indent + 2
    if not (inner or indented):
        return "paragraph"  # (no need to count the words of a long paragraph)
    words = len(_WORD.findall(block.text))
    if inner and words <= 14:
        return "subheading"
    if indented and words >= 4:
        return "quote"
    return "paragraph"


def read_links(state: Assembly, article: Article) -> None:
    """Teasers, related links and tags from the blocks outside the body."""
    blocks = state.blocks
    first_body = state.body[0] if state.body else len(blocks)
    last_body = state.body[-1] if state.body else len(blocks)
    group: str | None = None
    group_keys: dict[str, str] = {}
    header_mode: str | None = None  # "related" or "popular" after such a header line
    for i, block in enumerate(blocks):
        text = block.text
        if i == first_body:
            header_mode = None  # a rail header above the article does not reach below it
        if i in state.reasons and state.reasons[i] not in ("teaser", "tags"):
            continue
        if is_read_more(text):
            state.claim(i, "read-more link")
            continue
        notice = page_notice(text) if i not in state.reasons else None
        if notice:
            state.claim(i, notice)  # "© 2025 Site GmbH" under a teaser rail is no teaser
            continue
        tags = tag_line(text)
        if tags:
            add_unique(article.tags, tags)
            state.claim(i, "tags")
            continue
        if _TAG_HEADER.match(text) and i > first_body:
            state.claim(i, "tags")
            for j in range(i + 1, min(len(blocks), i + 16)):
                label = blocks[j].text
                if j in state.reasons or len(_WORD.findall(label)) > 4 or \
                        _SENTENCE_END.search(label) or _RELATED_HEADER.match(label) or \
                        _POPULAR_HEADER.match(label):
                    break
                add_unique(article.tags, [label.strip(" #,")])
                state.claim(j, "tags")
            continue
        if _RELATED_HEADER.match(text):
            header_mode, group = "related", text.rstrip(" :")
            state.claim(i, "related header")
            continue
        if _POPULAR_HEADER.match(text):
            header_mode = "popular"
            state.claim(i, "teaser header")
            continue
        followed_by_more = i + 1 < len(blocks) and is_read_more(blocks[i + 1].text)
        promo = _INLINE_PROMO.match(text)
        if promo:
            teaser = text[promo.end() - 1:].strip()
            article.teasers.append(teaser.removesuffix(")") if text.startswith("(") else teaser)
            state.claim(i, "teaser")
            continue
        if i > last_body and (followed_by_more or header_mode == "related") and \
                headline_shaped(text) and header_mode != "popular":
            next_is_title = i + 1 < len(blocks) and headline_shaped(blocks[i + 1].text)
            if block.bullet and len(_WORD.findall(text)) <= 3 and next_is_title \
                    and not followed_by_more:
                group = group_keys.setdefault(text.casefold(), text)
                add_unique(article.tags, [natural_case(text, group_keys)])
                state.claim(i, "related group")
                continue
            article.related.append(RelatedLink(title=_ORDINAL.sub("", text), group=group))
            state.claim(i, "related link")
            continue
        if block.bullet and len(_WORD.findall(text)) <= 3 and i > last_body and \
                i + 2 < len(blocks) and is_read_more(blocks[i + 2].text):
            group = group_keys.setdefault(text.casefold(), text)
            state.claim(i, "related group")
            article.tags[:] = [t for t in article.tags if t.casefold() != text.casefold()]
            add_unique(article.tags, [natural_case_from(text, blocks, i)])
            continue
        if header_mode == "popular" and _RELATIVE_TIME.match(text):
            state.claim(i, "teaser time")  # "9 min ago" under a rail's headline
            continue
        if header_mode == "popular" and (not headline_shaped(text) or is_chrome_line(text) or
                                         is_signup_box(text)):
            header_mode = None  # the rail ends where its headlines do ("Terms of Service")
        if (followed_by_more or header_mode == "popular") and headline_shaped(text) and \
                (i < first_body or i > last_body):
            article.teasers.append(_ORDINAL.sub("", text))
            state.claim(i, "teaser")
    article.teasers[:] = list(dict.fromkeys(article.teasers))  # a rail repeated lists once


def is_signup_box(text: str) -> bool:
    """True for a line of a newsletter or sign-up box ("Recibe el boletín de La Crónica",
    "Email ____________________ (BUTTON) Sign Up"): the end of a teaser rail, never a teaser."""
    low = text.lower()
    return is_call_to_action(text) or any(word in low for word in SIGNUP_WORDS)


def natural_case(text: str, group_keys: dict[str, str]) -> str:
    """The group label in its natural case (first spelling seen)."""
    return group_keys.get(text.casefold(), text)


def natural_case_from(text: str, blocks: list[Block], index: int) -> str:
    """A tag's spelling: a not-all-caps variant of the same label elsewhere on the page if any."""
    if not text.isupper():
        return text
    key = text.casefold()
    for block in blocks[index:]:
        if block.text.casefold() == key and not block.text.isupper():
            return block.text
    return text.title() if len(text) > 3 else text


def tag_line(text: str) -> list[str] | None:
    """Tags from a "Tags: a, b, c" line, or None."""
    match = _TAG_LINE.match(text)
    if not match:
        return None
    parts = [p.strip(" .#") for p in re.split(r"[,;|•·]", match.group(1))]
    return [p for p in parts if p and len(p) <= 60] or None


def add_warnings(article: Article) -> None:
    """Warn about what a user would want to know is missing."""
    if not article.body:
        article.warnings.append("no article body found: the page looks like navigation, an "
                                "index or a section front")
    if article.title is None:
        article.warnings.append("no headline found")
    if article.published is None and article.updated is None:
        article.warnings.append("no publication date found on the page")


def dropped_lines(state: Assembly) -> list[Dropped]:
    """Every block not in the body, with the reason it was left out."""
    body = set(state.body)
    out = []
    for i, block in enumerate(state.blocks):
        if i in body:
            continue
        reason = state.reasons.get(i) or f"boilerplate (body p={state.labels.body[i]:.2f})"
        out.append(Dropped(line=block.line_no, text=block.text, reason=reason))
    return out
