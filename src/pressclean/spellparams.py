"""The speller's decision thresholds, in one place: chosen on held-out ICDAR train
(``bench/bench_holdout.py``), never on dev."""

from __future__ import annotations

from dataclasses import dataclass

#: the stage the speller's corrections are recorded under (``spell`` and the modules
#: it delegates to: ``compounds``, ``joins``, ``knownwords``)
STAGE = "spell"
#: the stage name of the word repairs the glyph rules propose (``rules``)
RULES_STAGE = "rules"


@dataclass(frozen=True)
class SpellParams:
    """Decision thresholds (log10 odds), chosen on ICDAR train for precision."""

    #: log10 probability that an unknown form is a real word, over how French its
    #: letters look (``wordshape``)
    oov_offset: float = -1.5
    #: the most one letter may cost in that look (log10), before ``noise_penalty``
    shape_floor: float = -3.0
    #: the flat prior a split must also beat, since a character model of single words
    #: finds any two words glued unlikely, and compound parts: log10 probability that an
    #: unknown lower-case form is a real word (a compound with a productive prefix,
    #: "transrégionale", is never split: ``splits``)
    oov_logp: float = -11.0
    #: and this much less likely per digit or symbol among its letters ("e66aimer")
    noise_penalty: float = 3.0
    #: and this much less likely per letter beyond ``oov_len_from``
    oov_len_slope: float = 0.4
    oov_len_from: int = 6
    #: a candidate must beat keeping the form by this much
    margin: float = 1.0
    #: a rare but known word is kept unless a glyph repair beats it by this much more
    rare_known_bonus: float = 0.5
    #: edit-distance candidates no glyph confusion explains need this much more
    dictionary_penalty: float = 1.0
    #: capitalised unknown forms (names) need a glyph explanation at least this likely
    name_channel_min: float = -2.6
    #: or beat keeping the form by this much (a common word in capitals: "des Atlaires")
    name_margin: float = 2.0
    #: a real-word confusion needs this many sightings in the model
    real_min_count: int = 3
    #: and the form itself seen this often, unless it is mostly a misreading
    real_min_seen: int = 30
    #: a real-word candidate must itself be frequent in the model's ground truth
    real_min_truth: int = 20
    #: a form seen fewer than ``real_min_seen`` times that the dictionary knows (three
    #: letters or more) is read as itself this share of the times the dictionary's
    #: frequency expects it in the model's truth, on top of its sightings
    #: (``RealWordConfusions``: "voire" seen five times, each for "votre")
    real_dictionary_weight: float = 0.5
    #: and must beat the word as read by this much
    real_margin: float = 1.0
    #: a next word seen after neither the real-word form nor a candidate weighs them by
    #: the share of their followers never seen, shrunk towards this common share by
    #: this many pseudo-counts (``RealWordConfusions._open``)
    real_unseen_prior: float = 0.2
    real_unseen_weight: float = 50.0
    #: ... unless the candidate and the next word are so frequent that the model would
    #: have seen them together this many times had they paired like any two words
    real_unseen_expected: float = 3.0
    #: a known word becomes a far more frequent glyph twin only by this margin
    twin_margin: float = 1.3
    #: weigh pairs the model never saw by the document's own (``doccontext``)
    doc_context: bool = True
    #: words read with at least this OCR confidence are left alone, but for a real-word
    #: confusion on overwhelming context ("sur ie système"; ``confidence.doubt``)
    trusted_conf: float = 95.0
