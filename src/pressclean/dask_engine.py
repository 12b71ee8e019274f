"""``--engine dask``: the same per-document function on a dask.distributed cluster.

With ``--scheduler ADDRESS`` the run joins an existing cluster (started with
``dask scheduler`` and ``dask worker`` on as many machines as wanted); without it a
LocalCluster of ``--jobs`` single-threaded worker processes is started. Each worker
process loads the Cleaner once (``document_job.cleaner_for`` caches it per process),
writes the outputs itself, and sends back only the small Outcome, so ARCHIVE and
OUT must be visible at the same paths on every machine (a shared file system).

Only about two tasks per worker thread are in flight at any time: the file list is
streamed, never submitted whole. A worker that dies takes its task with it; Dask
retries it elsewhere and, if it keeps killing workers, gives up with ``KilledWorker``,
which is recorded as that document's failure (``crashed``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from pressclean.document_job import Job, Outcome, RunSettings, process_document
from pressclean.exceptions import MissingDependencyError, WorkerCrashError

_INSTALL = "pip install 'dask[distributed]'"


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingDependencyError(f"the Dask engine needs dask.distributed: {_INSTALL}"
                                     ) from exc
    return distributed


class DaskEngine:
    """Runs jobs on a Dask cluster; a context manager owning the client (and cluster)."""

    def __init__(self, settings: RunSettings, scheduler: str | None = None, jobs: int = 1,
                 processes: bool = True) -> None:
        self.settings = settings
        self.scheduler = scheduler
        self.jobs = max(1, jobs)
        self.processes = processes
        self.client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskEngine:
        distributed = _import_distributed()
        if self.scheduler:
            self.client = distributed.Client(self.scheduler)
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=self.jobs, threads_per_worker=1, processes=self.processes,
                dashboard_address=None, silence_logs=40)
            self.client = distributed.Client(self._cluster)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _slots(self) -> int:
        threads = sum(self.client.nthreads().values()) or self.jobs
        return 2 * threads

    def run(self, jobs: Iterable[Job]) -> Iterator[Outcome]:
        """Yield one Outcome per job, in completion order, ~2 tasks per thread in flight."""
        distributed = _import_distributed()
        todo = iter(jobs)
        pending: dict[Any, Job] = {}
        queue = distributed.as_completed()

        def submit_next() -> bool:
            job = next(todo, None)
            if job is None:
                return False
            fut = self.client.submit(process_document, job, self.settings, pure=False,
                                     key=f"pressclean-{job.relpath}-{uuid.uuid4().hex[:12]}")
            pending[fut] = job
            queue.add(fut)
            return True

        for _ in range(self._slots()):
            if not submit_next():
                break
        for fut in queue:
            job = pending.pop(fut)
            yield self._outcome(fut, job)
            submit_next()

    @staticmethod
    def _outcome(fut: Any, job: Job) -> Outcome:
        try:
            result = fut.result()
        except Exception as exc:  # KilledWorker, lost worker: this document's failure
            err = WorkerCrashError(f"{job.relpath}: the Dask task failed "
                                   f"({type(exc).__name__}: {exc})")
            return Outcome.failed(job, err)
        finally:
            fut.release()
        assert isinstance(result, Outcome)
        return result
