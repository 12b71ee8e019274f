"""The channel's candidate search: undoing likely confusions over the lexicon's prefixes."""

from __future__ import annotations

from pressclean.channel import Channel, Vocabulary, load_glyph_prior
from pressclean.pipeline import Cleaner


def test_the_vocabulary_knows_which_letters_may_follow_each_prefix() -> None:
    vocab = Vocabulary({"le", "les", "la", "là"})
    assert vocab.prefixes == {"": "l", "l": "aeà", "le": "s", "les": "", "la": "", "là": ""}


def test_glyph_repairs_are_found_whatever_letter_the_repair_starts_with(
        cleaner: Cleaner) -> None:
    """A repair is skipped only when its first letter cannot follow what was built:
    'rn' read for 'm', 't' for 'l' and a lost letter are all found in a small lexicon."""
    model = cleaner.resources.speller.model
    channel = Channel(model, load_glyph_prior())
    vocab = Vocabulary({"sommes", "pôle", "clientèle", "plan", "somme"})
    assert "sommes" in channel.words_within("somrnes", vocab)
    assert "pôle" in channel.words_within("pôte", vocab)
    assert "clientèle" in channel.words_within("ctientèle", vocab)
    assert "plan" in channel.words_within("ptan", vocab)
    assert channel.words_within("maison", vocab) == {}
