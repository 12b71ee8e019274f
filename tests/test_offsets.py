"""Every correction maps back to its source and on to the output, through all stages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pressclean.document import Document
from pressclean.offsets import Edit, EditLog


def test_layers_compose() -> None:
    log = EditLog("compé-\ntence et [e pôte")
    t = log.apply([Edit(5, 7, "", "layout", "dehyphenate")])
    assert t == "compétence et [e pôte"
    i, j = t.index("[e"), t.index("pôte")
    log.apply([Edit(i, i + 2, "le", "rules", "bracket-l"),
               Edit(j, j + 4, "pôle", "spell", "dictionary")])
    assert log.text == "compétence et le pôle"
    got = [(c.before, c.after, c.stage) for c in log.corrections()]
    assert got == [("-\n", "", "layout"), ("[e", "le", "rules"), ("pôte", "pôle", "spell")]
    doc = Document("x", log.source, log.text, spans=log.net_spans())
    s = log.source.index("pôte")
    a, b = doc.to_clean(s, s + 4)
    assert log.text[a:b] == "pôle"


def test_overlapping_edit_is_dropped() -> None:
    log = EditLog("abcdef")
    log.apply([Edit(0, 3, "X", "s", "r1"), Edit(2, 4, "Y", "s", "r2")])
    assert log.text == "Xdef"


def test_veto_drops_rejected_edits() -> None:
    log = EditLog("le pôte", veto=lambda e, s, t, before: e.rule == "bad")
    log.apply([Edit(0, 2, "la", "s", "bad"), Edit(3, 7, "pôle", "s", "good")])
    assert log.text == "le pôle"


@st.composite
def _edit_layers(draw):  # type: ignore[no-untyped-def]
    text = draw(st.text(alphabet="abcdé- \n", min_size=1, max_size=40))
    layers = []
    length = len(text)
    for _ in range(draw(st.integers(1, 3))):
        edits = []
        for _ in range(draw(st.integers(0, 4))):
            a = draw(st.integers(0, length))
            b = draw(st.integers(a, min(length, a + 4)))
            edits.append((a, b, draw(st.text(alphabet="xyz", max_size=3))))
        layers.append(edits)
    return text, layers


@settings(max_examples=200, deadline=None)
@given(_edit_layers())
def test_corrections_always_index_source_and_output(case) -> None:  # type: ignore[no-untyped-def]
    text, layers = case
    log = EditLog(text)
    for edits in layers:
        n = len(log.text)
        log.apply([Edit(min(a, n), min(b, n), r, "s", "r") for a, b, r in edits])
    for c in log.corrections():
        assert log.source[c.in_start:c.in_end] == c.before
        assert log.text[c.out_start:c.out_end] == c.after
    doc = Document("x", log.source, log.text, spans=log.net_spans())
    for s, e, o_s, o_e in doc.spans:
        assert 0 <= s <= e <= len(text) and 0 <= o_s <= o_e <= len(log.text)
