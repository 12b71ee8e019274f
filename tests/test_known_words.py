"""Known words: changed only on strong evidence, and recorded with their reason."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pressclean.document import Correction
from pressclean.pipeline import Cleaner, CleanOptions
from pressclean.realwords import RealWordConfusions
from pressclean.twins import GlyphTwins


@pytest.mark.parametrize(("ocr", "clean", "rule"), [
    # a rare word one glyph confusion from a far more frequent one that the context wants
    ("Une antre fois, il viendra.", "Une autre fois, il viendra.", "channel:twin"),
    # ... also through a less likely confusion (between 10^-3.5 and 10^-4: "n" read "r",
    # "e" read "r"), where the context is clear
    ("C'est ure bonne idée pour la ville.", "C'est une bonne idée pour la ville.",
     "channel:twin"),
    ("Tous lrs enfants sont venus.", "Tous les enfants sont venus.", "channel:twin"),
    # two letters the web word list holds ("dc", "df"), a hundred times rarer than a
    # two-letter word one confusion away
    ("Il se préoccupe dc permettre aux entreprises de travailler.",
     "Il se préoccupe de permettre aux entreprises de travailler.", "channel:twin"),
    ("Les noms qui sortent df l'urne sont connus.",
     "Les noms qui sortent de l'urne sont connus.", "channel:twin"),
    # a word up to 40 per million has twins too, weighed on the same context
    ("Il y a doux ans.", "Il y a deux ans.", "channel:twin"),
    # a confusion the model saw often, at the start of a sentence
    ("Ja guerre est finie.", "La guerre est finie.", "context"),
    # "it" stood for "il" more often than for "à", and "il a" is the likelier pair
    ("Hier soir it a dit que la séance était levée.",
     "Hier soir il a dit que la séance était levée.", "context"),
    # a next word seen after neither the form nor the word it stands for: weighed by how
    # open each is to new followers, not by how often each was seen ("an" 72 times)
    ("Il part pour un Voyage an Paradis avec sa famille.",
     "Il part pour un Voyage au Paradis avec sa famille.", "context"),
    # ... but a pair of words so frequent that the model would have seen them together
    # had they paired like any two is unlikely for never having been ("du l'")
    ("L'orateur passe à l'examen des recettes da l'Etat.",
     "L'orateur passe à l'examen des recettes de l'Etat.", "context"),
    # a number is context too: the model counted "<num> h" ("18 h. 30"), never "18 h"
    ("Concert à 18 li. 30 au kiosque.", "Concert à 18 h. 30 au kiosque.", "context"),
    # a short word capitalised inside a sentence: the capital was part of the misreading
    ("Il parla longuement de Ja guerre et de la paix.",
     "Il parla longuement de la guerre et de la paix.", "context"),
    ("La séance est fixée à 20 Il. 30 au siège.", "La séance est fixée à 20 h. 30 au siège.",
     "context"),
    # ... but a capitalised abbreviation stays one
    ("Mme Mercier avait à sa droite Ni. Félix Faure.",
     "Mme Mercier avait à sa droite M. Félix Faure.", "context"),
    # an elision the OCR misread ("t'" and "J'" for "l'"), weighed on the word it elides
    # into; a capital inside a sentence was part of the misreading
    ("Il le sait, car t'avenue est longue.", "Il le sait, car l'avenue est longue.",
     "context:elision"),
    ("Les ouvriers travaillaient seuls, avec J'aide des membres de leur famille.",
     "Les ouvriers travaillaient seuls, avec l'aide des membres de leur famille.",
     "context:elision"),
])
def test_a_known_word_is_changed_on_strong_evidence(cleaner: Cleaner, ocr: str, clean: str,
                                                     rule: str) -> None:
    doc = cleaner.clean_text(ocr)
    assert doc.clean_text == clean
    assert [c.rule for c in doc.corrections] == [rule]


def test_a_page_that_reads_l_as_t_again_and_again_makes_te_and_ta_suspect(
        cleaner: Cleaner) -> None:
    page = ("Ators te pôte a étê créé. Le ptan de [a région est ctair et te maire a parlé "
            "à ta tribune. Les hortogers et [es entreprises du pôte ont signé te pacte.")
    doc = cleaner.clean_text(page)
    assert doc.clean_text == ("Alors le pôle a été créé. Le plan de la région est clair et le "
                              "maire a parlé à la tribune. Les horlogers et les entreprises du "
                              "pôle ont signé le pacte.")
    # the same words on a page without that habit are the pronoun and the possessive
    plain = "Je te le dis : tu as parlé à ta mère et elle te répondra."
    assert cleaner.clean_text(plain).clean_text == plain


def _fix(before: str, after: str, rule: str) -> Correction:
    return Correction(0, len(before), 0, len(after), before, after, "spell", rule, 1.0)


def test_a_confusion_repaired_again_in_a_paragraph_is_that_page_s_habit(
        cleaner: Cleaner) -> None:
    """"ptus" → "plus" and, decided on their neighbours, "tes" → "les" and "te" → "le"
    are three sightings of "l" read as "t": in a paragraph of a dozen "l" the page's
    channel trusts that confusion, and "ta" becomes likelier "la". Among the hundreds
    of "l" of a long page three sightings are no habit. Real-word repairs alone cannot
    start one ("il" → "à" decided on context would vouch for every other "il"), and a
    join or a split says nothing about glyphs."""
    speller = cleaner.resources.speller
    unknown = _fix("ptus", "plus", "channel:glyph")
    real = [_fix("tes", "les", "context"), _fix("te", "le", "context")]
    paragraph = "Le plan de la ville et les plus belles places, le long du lac."
    adapted = speller.adapted([unknown, *real], paragraph)
    assert adapted is not None
    assert adapted.gen.channel.doc_gain("la", "ta") > 0.3
    assert speller.adapted([unknown, *real], " ".join([paragraph] * 40)) is None
    assert speller.adapted(real, paragraph) is None
    assert speller.adapted([_fix("il", "à", "context")] * 3, "Il va à la gare, à pied.") is None
    assert speller.adapted([unknown, _fix("tes", "les", "join"), _fix("te", "le", "split")],
                           paragraph) is None


def test_a_refused_real_word_change_says_how_far_it_fell_short(cleaner: Cleaner) -> None:
    """The adapted second look skips a real-word form whose document gains add less
    than its first weighing fell short by: that shortfall must be exact, so that gains
    just under it still refuse and gains just over it accept."""
    real = cleaner.resources.speller.real
    choice, short = real.choice("a", "il", "été")
    assert choice is None and short > 0
    words = real.words_for("a")
    assert words
    below = tuple((w, short - 0.01) for w in words)
    above = tuple((w, short + 0.01) for w in words)
    assert real.choice("a", "il", "été", gains=below)[0] is None
    accepted, _ = real.choice("a", "il", "été", gains=above)
    assert accepted is not None and accepted[0] in words
    assert real.choice("maison", None, None) == (None, float("inf"))


def test_a_handful_of_misreadings_does_not_make_a_common_word_suspect(
        cleaner: Cleaner) -> None:
    """The model saw "voire" five times, each for "votre", and never read right: the
    dictionary's frequency of the word keeps it a word of its own. Without that prior
    the training sightings alone decide, and "voire" is 1.0 (the margin) more likely
    "votre" before any context (log10 odds)."""
    speller = cleaner.resources.speller
    real = speller.real
    keep, cands, blind, few = real._forms["voire"]
    assert blind and few and [c for c, _ in cands] == ["votre"]
    assert real.choice("voire", "difficile", "critique")[0] is None
    blind_prior = RealWordConfusions(
        speller.lexicon, speller.model, speller.lm, min_count=speller.p.real_min_count,
        min_seen=speller.p.real_min_seen, min_truth=speller.p.real_min_truth,
        dictionary_weight=0.0, margin=speller.p.real_margin,
        unseen_prior=speller.p.real_unseen_prior, unseen_weight=speller.p.real_unseen_weight,
        unseen_expected=speller.p.real_unseen_expected)
    keep0, cands0, _, _ = blind_prior._forms["voire"]
    assert cands0[0][1] - keep0 == pytest.approx(1.0)  # 5 sightings against 0.5
    assert cands[0][1] - keep < 0.0  # the dictionary expects "voire" 13 times
    # a form seen often enough keeps the model's own count ("tes" for "les")
    assert real._forms["tes"] == blind_prior._forms["tes"]
    # and a two-letter form takes no dictionary prior: its web count is mostly noise
    assert real._forms["el"] == blind_prior._forms["el"]


@pytest.mark.parametrize("text", [
    "Le maïs pousse bien cette année.",
    "Il attaqua la ville au matin.",
    "Les tontes de moutons ont lieu au printemps.",
    # "t'" before a verb, and in a text that says "tu" (where "t'" is what was printed)
    "Je t'aime et je t'en veux, mais tu t'es trompé.",
    "Tu le sais, car t'avenue est longue.",
    # a rare two-letter word, and a unit, are not two-letter misreadings
    "Le temps est doux et calme ce matin.",  # ... and kept where the context wants it
    "Il fait doux.",
    "Le bateau, mû par la vapeur, remonte le fleuve.",
    "Il est docteur ès lettres.",
    "La récolte fut de 12 hl de vin par hectare.",
    # a common word the training OCR produced only a handful of times, each a misreading
    # (became "votre" before the dictionary's prior)
    "La situation est difficile, voire critique.",
    "Il est utile, voire nécessaire, de lire.",
])
def test_a_known_word_the_context_accepts_is_left_alone(cleaner: Cleaner, text: str) -> None:
    assert cleaner.clean_text(text).clean_text == text


@pytest.fixture(scope="module")
def tess() -> Cleaner:
    """A cleaner with the model for Tesseract's confusions."""
    return Cleaner(CleanOptions(engine="tesseract"))


def test_the_engine_model_weighs_the_odds_not_the_evidence(tess: Cleaner) -> None:
    """Tesseract read "votre" as "voire" three times in the renders: weighted ten times
    they were 32 sightings, past the "handful" that keeps the dictionary's prior, and
    "voire" became "votre" everywhere. Counted as seen, the prior stays, scaled to the
    weighted odds, and so does "voire"; the habit still shows in the odds."""
    real = tess.resources.speller.real
    _, _, _, few = real._forms["voire"]
    assert few
    for text in ("La situation est difficile, voire critique.",
                 "Il est utile, voire nécessaire, de lire."):
        assert tess.clean_text(text).clean_text == text


def test_a_ligature_is_no_misreading_of_the_word_written_out(tess: Cleaner) -> None:
    """The renders' truth was typed without ligatures, so the Tesseract model saw "œil"
    stand for "oeil": one word in two spellings, and the print's is kept."""
    assert "oeil" in dict(tess.resources.model.weighted_row("œil"))
    text = "Jetez un coup d’œil au système."
    assert tess.clean_text(text).clean_text == text


@pytest.mark.parametrize(("ocr", "clean", "rule"), [
    # a capitalised form is a name to leave alone, unless a common word wins by far
    ("Le ministre des Atlaires étrangères est arrivé.",
     "Le ministre des Affaires étrangères est arrivé.", "channel:glyph"),
    # an unknown form whose letters few French words share is likelier a misreading
    ("un poltinisateur des entreprises", "un pollinisateur des entreprises", "t-l"),
    # a word cut by in-line hyphenation is weighed whole; the hyphen stays where it was
    ("la pro-venaut de la ville", "la pro-venant de la ville", "channel:glyph"),
    # ... also when the repair is shorter than the form ("tn" for "m")
    ("il partit brusque-tnent de la salle", "il partit brusque-ment de la salle",
     "channel:glyph"),
    # a dropped letter no glyph confusion explains, though glyph repairs exist ("vrement")
    ("Il était vriment utile pour notre territoire.",
     "Il était vraiment utile pour notre territoire.", "dictionary"),
    # an elision glued to its word and misread with it, in ways the model saw: the
    # capital was the glyph's shape, not the elision's; a sentence's start keeps one
    ("une séance de VAcadémie française", "une séance de l'Académie française",
     "channel:elision"),
    ("Rintérêt général passe avant tout.", "L'intérêt général passe avant tout.",
     "channel:elision"),
    ("Il refuse dintervenir dans le débat.", "Il refuse d'intervenir dans le débat.",
     "channel:elision"),
    # ... and the word misread too, where the form has no glyph repair of its own
    ("le ministre de rinstructiort publique", "le ministre de l'instruction publique",
     "channel:elision"),
    # lost spaces around an elision: the apostrophe ends the elision, the rest splits
    ("Il est membred'une société savante.", "Il est membre d'une société savante.", "split"),
    # ... with a misread elision and word, each piece in the case it was printed in
    ("Quant à l'Egtised'Irtande, il y a eu", "Quant à l'Eglise d'Irlande, il y a eu",
     "split"),
    # a capital that opens a sentence says nothing of a name: the issue's own example
    ("Il arriva le soir. Lelendemain matin, il partit.",
     "Il arriva le soir. Le lendemain matin, il partit.", "split"),
])
def test_unknown_forms_are_repaired(cleaner: Cleaner, ocr: str, clean: str, rule: str) -> None:
    doc = cleaner.clean_text(ocr)
    assert doc.clean_text == clean
    assert [c.rule for c in doc.corrections] == [rule]


@pytest.mark.parametrize("text", [
    "M. Vaudrin et M. Bourgeot ont dîné chez M. Trolliet.",  # unknown names
    "les tableaux de Doussière",  # a name one costly edit from a common word
    "où ils lapi-daient les agents",  # no piece a common word, no repair of the whole
    "Les salpingites chroniques sont rares.",  # a known word inflected, not misread
    "sous les ap- plaudissements de la salle",  # half of a word cut at a lost line end
    "des événements coorganisés par le pôle",  # a prefix on a known word: not two specks
    "Le tableau de Vasarely.",  # "V" + a word, but no word that takes an elision
    "M. Vallier est venu.",  # a name that reads as a misread "l'Allier"
    "M. Davignon a parlé.",  # ... or as "d'Avignon" without its apostrophe
    "Le train part à 9 h.10 du matin.",  # a number joined to an abbreviation: not "h.o"
    "Il arriva le soir avec Lelendemain.",  # a capital inside a sentence: a name, not split
    # a form mixing letters and digits becomes no code of the web word list ("E3", "a2")
    "Les partis militaires et Ie3 nationalismes de tous les pays.",
    "Il fut condamné à cinq ans et à 16 à2 000 francs d'amende.",
])
def test_unknown_names_and_cut_words_without_repair_are_left_alone(cleaner: Cleaner,
                                                                     text: str) -> None:
    assert cleaner.clean_text(text).clean_text == text


@pytest.mark.parametrize(("ocr", "clean"), [
    # a part misread into a rare known word: the repair makes a compound the model saw
    ("Il le fit iui-même avec soin.", "Il le fit lui-même avec soin."),
    # ... or ends the compound as dozens of the model's compounds end ("dit-il")
    ("Pourquoi combattrait-ii cette loi ?", "Pourquoi combattrait-il cette loi ?"),
    # ... and then its other parts, in the same pass: cleaning twice changes nothing more
    ("A peine s'etaient-its vus que la séance commença.",
     "A peine s'étaient-ils vus que la séance commença."),
])
def test_a_misread_part_of_a_compound_of_known_words_is_repaired(
        cleaner: Cleaner, ocr: str, clean: str) -> None:
    doc = cleaner.clean_text(ocr)
    assert doc.clean_text == clean
    assert [c.rule for c in doc.corrections] == ["channel:glyph"]
    assert cleaner.clean_text(clean).clean_text == clean


def test_a_word_before_an_elision_is_not_weighed_again_when_the_elided_word_changes(
        cleaner: Cleaner) -> None:
    """The neighbour of "mats" is the elision "n'", which the repair of "existe-t-it"
    leaves as it is: weighing "mats" again beside "existe-t-il" undid "mais", and the
    second clean made it."""
    ocr = "Vifs applaudissemens ~ mats n'existe-t-it aucun homme d'Etat qui ait cédé"
    clean = cleaner.clean_text(ocr).clean_text
    assert clean == "Vifs applaudissemens ~ mais n'existe-t-il aucun homme d'Etat qui ait cédé"
    assert cleaner.clean_text(clean).clean_text == clean


@pytest.mark.parametrize("text", [
    "Il ajouta-t-il en souriant.",  # "ajoute-t-il" was seen, but "ajoute" is no likelier
    "Le week-end, le porte-parole vint lui-même.",  # compounds the model saw
    "Viendra-t-il demain ?",  # an unseen verb before a productive ending
    "C'est un trompe-l'oeil de peintre.",  # an elided part: "l'" and a known word
])
def test_compounds_of_known_words_are_left_alone(cleaner: Cleaner, text: str) -> None:
    assert cleaner.clean_text(text).clean_text == text


def test_the_cached_twin_table_agrees_with_weighing_word_by_word(cleaner: Cleaner) -> None:
    speller = cleaner.resources.speller
    word_by_word = GlyphTwins(speller.lexicon, speller.gen)
    speller.twins.preload()  # the whole table, built once per lexicon and model, cached
    for word in ("antre", "tontes", "ligné", "maison", "xylophone", "uu", "hl"):
        assert speller.twins.of(word) == word_by_word.of(word)
    assert "autre" in dict(speller.twins.of("antre"))
    assert speller.twins.of("maison") == ()  # frequent words have no twins
    # two letters: only another two-letter word, a hundred times as frequent
    assert "un" in dict(speller.twins.of("uu"))
    assert all(len(twin) == 2 for twin, _ in speller.twins.of("hl"))


_NEIGHBOURS = ("from pressclean.pipeline import Cleaner; "
               "print(Cleaner().resources.speller.gen._neighbours('ltevenait'))")


def test_equally_close_neighbours_come_in_the_same_order_in_every_process() -> None:
    # a tie between candidates is broken by their order: it must not follow the
    # process's string hashing, or two runs over one archive would differ
    outs = {subprocess.run([sys.executable, "-c", _NEIGHBOURS], check=True, text=True,
                           capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}
                           ).stdout for seed in ("1", "2", "3")}
    assert outs == {"['devenait', 'revenait']\n"}


def test_real_word_repairs_do_not_vouch_for_themselves(cleaner: Cleaner) -> None:
    """Four "il" read for "à" are repaired on their neighbours; the pronoun "il" of the
    same page stays: those repairs are no sighting of a glyph confusion the page's
    unknown words showed, so they do not make every other "il" suspect."""
    page = ("Les salariés occupés il la date du 15 mai seront inscrits. La mesure tendant "
            "il maintenir les livres fut votée. Un délégué du parti a lu, il Toulouse, une "
            "déclaration. Les patrons cherchaient il prolonger la grève. Le maire, quand "
            "il se leva, salua les élus. Le soir venu, il s'apprêtait à partir quand il se "
            "ravisa. Puis il les remercia, et il se tut.")
    doc = cleaner.clean_text(page)
    assert [(c.before, c.after) for c in doc.corrections] == [("il", "à")] * 4
    assert doc.clean_text.count(" il ") == 5



def test_a_misread_elision_and_its_word_are_both_repaired_and_stay_so(
        cleaner: Cleaner) -> None:
    """"t'Egtise": the word by a glyph rule, the elision on the repaired word; cleaning
    the output again changes nothing."""
    doc = cleaner.clean_text("Il fut dit qu'un ennemi de t'Egtise pouvait seul le faire.")
    assert doc.clean_text == "Il fut dit qu'un ennemi de l'Eglise pouvait seul le faire."
    assert [(c.before, c.after, c.rule) for c in doc.corrections] == [
        ("t'", "l'", "context:elision"), ("Egtise", "Eglise", "t-l")]
    assert cleaner.clean_text(doc.clean_text).corrections == []
