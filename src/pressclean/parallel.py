"""One long document's paragraphs on several cores.

The spell stage decides each paragraph on its own (``Speller._edits_in``: context stops
at a blank line), so a long text — a whole newspaper volume in one file — can be split
into runs of paragraphs decided on different cores. A :class:`Team` forks copies of
this process when a document starts. Every member then runs the same cleaning code on
the same document, which is deterministic. At each pass, ``map_ranges`` has each member
decide its own run of paragraphs, and the members swap their edits so all go on with
the same whole list. The copies start at once, with the loaded lexicon, model and
indexes shared (copy-on-write). Each keeps its own caches from pass to pass, warm for
its own paragraphs, and only edits travel between members.

The result is the same edits, in the same order, whatever the number of members. A
member that fails or dies is not waited for: its paragraphs are decided again here.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, Pipe
from types import TracebackType

from pressclean.offsets import Edit

#: below this many characters a document is cleaned in one process: forking a process
#: that holds the lexicon costs more than a second core saves on a short text
MIN_CHARS = 100_000

Decide = Callable[[int, int], list[Edit]]


class Team:
    """``jobs`` processes cleaning one document together (the caller and its copies);
    a team of one (short text, one job, no ``fork``) is the caller alone.

    Use as a context manager around the cleaning of one document: in a copy the block
    never returns, the copy leaves at its end (``os._exit``)."""

    def __init__(self, jobs: int, chars: int) -> None:
        self.size = jobs if jobs > 1 and chars >= MIN_CHARS and _can_fork() else 1
        self.rank = 0
        #: the lead's end of the pipe to each copy (``None`` once a copy has failed)
        self._links: list[Connection | None] = []
        self._pids: list[int] = []
        self._up: Connection | None = None  # a copy's end of its pipe to the lead

    def __enter__(self) -> Team:
        for rank in range(1, self.size):
            lead_end, copy_end = Pipe()
            pid = os.fork()
            if pid == 0:
                lead_end.close()
                for link in self._links:
                    if link is not None:
                        link.close()
                self._links, self._pids = [], []
                self.rank, self._up = rank, copy_end
                return self
            copy_end.close()
            self._links.append(lead_end)
            self._pids.append(pid)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.rank:  # a copy: its work is done (or failed), it leaves here
            os._exit(0 if kind is None else 1)
        for link in self._links:
            if link is not None:
                link.close()
        for pid in self._pids:
            os.waitpid(pid, 0)

    def map_ranges(self, decide: Decide, ranges: Sequence[tuple[int, int]]) -> list[Edit]:
        """``decide(a, b)`` for each token range, concatenated in order; each member
        of the team decides its own share of the ranges."""
        if self.size == 1:  # (every short document: nothing to share out)
            return _decide_run(decide, ranges)
        runs = _share(ranges, self.size)
        if len(runs) < self.size:
            return _decide_run(decide, ranges)
        if self.rank:
            assert self._up is not None
            self._up.send(_decide_run(decide, runs[self.rank]))
            whole: list[Edit] = self._up.recv()
            return whole
        out = _decide_run(decide, runs[0])
        for i, link in enumerate(self._links):
            got = None
            if link is not None:
                try:
                    got = link.recv()
                except (EOFError, OSError):  # the copy failed or died: do its share here
                    link.close()
                    self._links[i] = None
            out += got if got is not None else _decide_run(decide, runs[i + 1])
        for i, link in enumerate(self._links):
            if link is not None:
                try:
                    link.send(out)
                except OSError:
                    self._links[i] = None
        return out


def _decide_run(decide: Decide, run: Sequence[tuple[int, int]]) -> list[Edit]:
    return [e for a, b in run for e in decide(a, b)]


def _share(ranges: Sequence[tuple[int, int]], parts: int) -> list[list[tuple[int, int]]]:
    """Split ``ranges`` into at most ``parts`` contiguous runs of about equal tokens."""
    total = sum(b - a for a, b in ranges)
    runs: list[list[tuple[int, int]]] = [[]]
    done = 0
    for a, b in ranges:
        if runs[-1] and done >= total * len(runs) / parts:
            runs.append([])
        runs[-1].append((a, b))
        done += b - a
    return runs if runs[0] else []


def _can_fork() -> bool:
    """Fork only on Linux (macOS system libraries are not safe to use in a forked copy,
    which is why Python spawns there), and only a process with one thread: a lock
    another thread holds would stay held forever in the copy."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


#: the team of the document being cleaned in this process (one member: no team)
SOLO = Team(1, 0)
