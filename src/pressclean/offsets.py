"""Edits applied in layers, with offsets mapped back to the source and on to the output.

Each stage proposes :class:`Edit` s against the text it received. :class:`EditLog`
applies them, remembers the span each one occupied before and after, and at the end
turns every edit into a :class:`~pressclean.document.Correction` whose offsets index
the *original* input and the *final* output, whatever stages came between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pressclean.document import Correction, map_position

#: ``veto(edit, source_start, source_end, source_slice) -> True`` drops the edit
Veto = Callable[["Edit", int, int, str], bool]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``, for a stated reason."""

    start: int
    end: int
    replacement: str
    stage: str
    rule: str
    score: float = 1.0


class _Layer:
    """The edits of one stage and the (in_start, in_end, out_start, out_end) spans."""

    def __init__(self, edits: list[Edit], spans: list[tuple[int, int, int, int]]) -> None:
        self.edits = edits
        self.spans = spans
        self._in_keys = [s[0] for s in spans]
        self._out_keys = [s[2] for s in spans]

    def forward(self, p: int, end_side: bool) -> int:
        return map_position(self.spans, p, end_side, forward=True, keys=self._in_keys)

    def backward(self, p: int, end_side: bool) -> int:
        return map_position(self.spans, p, end_side, forward=False, keys=self._out_keys)


Spans = list[tuple[int, int, int, int]]


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit], Spans]:
    """Apply non-overlapping edits; return the new text, the kept edits and their spans.

    Edits that overlap an earlier one (by start) or change nothing are dropped, so a
    stage can propose freely and the first proposal for a span wins.
    """
    kept: list[Edit] = []
    spans: list[tuple[int, int, int, int]] = []
    out: list[str] = []
    pos = 0
    shift = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end < e.start or e.end > len(text):
            continue
        if text[e.start:e.end] == e.replacement:
            continue
        out.append(text[pos:e.start])
        out_start = e.start + shift
        out.append(e.replacement)
        spans.append((e.start, e.end, out_start, out_start + len(e.replacement)))
        kept.append(e)
        shift += len(e.replacement) - (e.end - e.start)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), kept, spans


class EditLog:
    """The source text, the current text and every layer of edits between them."""

    def __init__(self, source: str, veto: Veto | None = None) -> None:
        self.source = source
        self.text = source
        self.veto = veto
        self._layers: list[_Layer] = []

    def apply(self, edits: Iterable[Edit]) -> str:
        """Apply one stage's edits to the current text and return the new text.

        Edits the ``veto`` refuses (a reviewer's rejected change or rule) are dropped.
        """
        if self.veto is not None:
            veto = self.veto
            edits = [e for e in edits
                     if not veto(e, *self._source_span(e.start, e.end))]
        new_text, kept, spans = apply_edits(self.text, edits)
        if kept:
            self._layers.append(_Layer(kept, spans))
            self.text = new_text
        return self.text

    def fork(self, veto: Veto | None) -> EditLog:
        """A copy that can take more edits without touching this log (a trial run),
        with its own ``veto`` so what the trial refuses is not reported twice."""
        new = EditLog(self.source, veto)
        new.text = self.text
        new._layers = list(self._layers)
        return new

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the current text back to the source text."""
        for layer in reversed(self._layers):
            start, end = layer.backward(start, False), layer.backward(end, True)
        return start, end

    def _source_span(self, start: int, end: int) -> tuple[int, int, str]:
        s, e = self.to_source(start, end)
        return s, e, self.source[s:e]

    def net_spans(self) -> list[tuple[int, int, int, int]]:
        """The changed regions, merged: (source start, end, output start, end), sorted."""
        regions: list[list[int]] = []
        for k, layer in enumerate(self._layers):
            for edit in layer.edits:
                s, e = edit.start, edit.end
                for earlier in reversed(self._layers[:k]):
                    s, e = earlier.backward(s, False), earlier.backward(e, True)
                regions.append([s, e])
        regions.sort()
        merged: list[list[int]] = []
        for s, e in regions:
            if merged and s < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        result = []
        for s, e in merged:
            o_s, o_e = s, e
            for layer in self._layers:
                o_s, o_e = layer.forward(o_s, False), layer.forward(o_e, True)
            result.append((s, e, o_s, o_e))
        return result

    def corrections(self) -> list[Correction]:
        """Every applied edit as a Correction in source and final coordinates."""
        result: list[Correction] = []
        for k, layer in enumerate(self._layers):
            for edit, (_, _, o_s, o_e) in zip(layer.edits, layer.spans, strict=True):
                s_s, s_e = edit.start, edit.end
                for earlier in reversed(self._layers[:k]):
                    s_s, s_e = earlier.backward(s_s, False), earlier.backward(s_e, True)
                f_s, f_e = o_s, o_e
                for later in self._layers[k + 1:]:
                    f_s, f_e = later.forward(f_s, False), later.forward(f_e, True)
                result.append(Correction(
                    in_start=s_s, in_end=s_e, out_start=f_s, out_end=f_e,
                    before=self.source[s_s:s_e], after=self.text[f_s:f_e],
                    stage=edit.stage, rule=edit.rule, score=round(edit.score, 4),
                ))
        result.sort(key=lambda c: (c.in_start, c.in_end))
        return result
