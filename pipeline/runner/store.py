"""Where a run's tables live in ``--out``: generations published together, and a lock.

Layout::

    <out>/documents.parquet -> _claimex/current/documents.parquet   (one link per table)
    <out>/_claimex/current -> g-<id>          the published generation
    <out>/_claimex/g-<id>/                    its tables, errors.parquet, manifest.json
    <out>/_claimex/staging-<id>/              the run in progress (never read)
    <out>/_claimex/lock                       held by the run writing to <out>

A run writes every table of the new generation into a staging folder; tables
it does not recompute are linked in from the current generation (hard links:
no copy). Publishing renames the staging folder to a generation and then
replaces the one ``current`` link (``os.replace`` of a symbolic link is
atomic): a reader of ``<out>/<table>.parquet`` sees the tables of the old run
or all of the new one, never a mix (a kill between two table renames used to
leave ``documents`` from one run and ``sentences`` from another) and never a
missing table. The manifest (``manifest``) is part of the generation, so it
always describes the tables next to it. ``_claimex`` starts with an underscore,
which Parquet tools (pyarrow, Spark, DuckDB globs of ``*.parquet``) skip.

The lock (``fcntl.flock`` on ``_claimex/lock``, released by the kernel when
the process ends, even on ``kill -9``) lets one run at a time write to an
``--out``; a second one stops at once with ``errors.RunLockedError`` naming the
first one's process id. Where the file system has no symbolic links, tables
are renamed into ``<out>`` one by one (the previous behaviour).
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import OutputError, RunLockedError
from ..schemas import STORE_DIR
from ..tables import _fsync_dir, nested_files, replace_path, sweep_temporary, table_files, table_path

CURRENT = "current"
MANIFEST = "manifest.json"

try:  # POSIX; elsewhere runs are not locked (documented)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None


class TableStore:
    """The tables of one ``--out`` folder (module doc)."""

    def __init__(self, out: Path | str):
        self.out = Path(out)
        self.dir = self.out / STORE_DIR

    # --- reading ---------------------------------------------------------------------

    def manifest_path(self) -> Path | None:
        """The manifest of the published tables (``manifest``), if any."""
        current = self.current()
        if current is not None:
            return current / MANIFEST
        legacy = self.dir / MANIFEST  # where there are no symbolic links
        return legacy if legacy.is_file() else None

    def current(self) -> Path | None:
        """The published generation's folder (None before the first run)."""
        link = self.dir / CURRENT
        if not link.is_symlink():
            return None
        target = self.dir / os.readlink(link)
        return target if target.is_dir() else None

    # --- the lock ----------------------------------------------------------------------

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the lock of ``<out>`` for the block; ``RunLockedError`` when another run has it."""
        self.dir.mkdir(parents=True, exist_ok=True)
        if fcntl is None:  # pragma: no cover
            yield
            return
        path = self.dir / "lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            self._take(fd)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            yield
        finally:
            os.close(fd)  # releases the lock

    def check_lock(self) -> None:
        """``RunLockedError`` now when another run holds the lock of ``<out>``, creating
        nothing: a run checks it before the model and the stages' set-up load (about 10 s
        to say "locked", and a single stage said its upstream table was missing, exit 5,
        while the run that writes it was still going). ``lock`` takes it later."""
        if fcntl is None:  # pragma: no cover
            return
        try:
            fd = os.open(self.dir / "lock", os.O_RDONLY)
        except OSError:  # no lock file yet (no run), or none to read: ``lock`` decides
            return
        try:
            self._take(fd)
        finally:
            os.close(fd)  # releases it: this was a check

    def _take(self, fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            raise RunLockedError(f"another run (process {holder}) is writing to {self.out}; "
                                 f"wait for it to finish or pass another --out") from None

    # --- writing -------------------------------------------------------------------------

    def sweep(self) -> list[str]:
        """Remove what killed runs left: staging folders, unpublished or superseded
        generations, temporary links (call with the lock held)."""
        removed = sweep_temporary(self.out)
        if not self.dir.is_dir():
            return removed
        current = self.current()
        for p in self.dir.iterdir():
            if p.name.startswith(("staging-", "g-")) and p != current:
                shutil.rmtree(p, ignore_errors=True)
                removed.append(f"{STORE_DIR}/{p.name}")
            elif p.name.startswith(".") and p.name.endswith(".tmp"):
                p.unlink(missing_ok=True)
                removed.append(f"{STORE_DIR}/{p.name}")
        return removed

    def staging(self) -> Path:
        """A new, empty folder for the next generation."""
        path = self.dir / f"staging-{uuid.uuid4().hex[:12]}"
        path.mkdir(parents=True)
        return path

    def carry(self, staging: Path, tables: Iterable[str]) -> None:
        """Put the current version of ``tables`` (as ``<out>`` shows them) into
        ``staging``: hard links to the same files, or copies."""
        for table in tables:
            src = table_path(self.out, table)
            if not src.exists():
                continue
            dst = table_path(staging, table)
            if nested_files(self.out, table):  # checked before the run (ownership); one made since
                raise OutputError(f"{src} became a folder of partition folders during the run, and would be "
                                  f"carried without them; write it as one file and run again. Nothing was changed")
            if src.is_dir():
                dst.mkdir()
                for f in table_files(self.out, table):
                    _link_or_copy(f, dst / f.name)
            else:
                _link_or_copy(src, dst)

    def publish(self, staging: Path, drop: Iterable[str] = (), files: Iterable[str] = ()) -> Path:
        """Make ``staging`` the current generation (module doc); return its folder.
        ``drop``: tables of ``<out>`` the new generation leaves out (their links, or
        the tables themselves where there are no links, are removed). ``files``: other
        files of the generation published beside the tables as ``<out>/<name>`` (the run
        record, ``run.json``), so that they go live with them."""
        files = [f for f in files if (staging / f).is_file()]
        _fsync_dir(staging)
        gen = self.dir / f"g-{staging.name.split('-', 1)[1]}"
        os.rename(staging, gen)
        try:
            _replace_link(self.dir / CURRENT, gen.name, self.dir)
        except OSError:  # no symbolic links here: move the tables into <out> one by one
            for table in tables_in(gen):
                replace_path(table_path(gen, table), table_path(self.out, table))
            if (gen / MANIFEST).exists():
                os.replace(gen / MANIFEST, self.dir / MANIFEST)
            for name in files:
                os.replace(gen / name, self.out / name)
            shutil.rmtree(gen, ignore_errors=True)
            self._remove(drop)
            return self.out
        for link in [table_path(self.out, table) for table in tables_in(gen)] + [self.out / name for name in files]:
            target = f"{STORE_DIR}/{CURRENT}/{link.name}"
            if not (link.is_symlink() and os.readlink(link) == target):
                _replace_link(link, target, self.out)
        self._remove(drop)
        if claimex_manifest(self.out / MANIFEST):  # of the layout before generations; a user's stays
            (self.out / MANIFEST).unlink()
        for p in self.dir.iterdir():
            if p.name.startswith("g-") and p != gen:
                shutil.rmtree(p, ignore_errors=True)
        _fsync_dir(self.out)
        return gen

    def _remove(self, tables: Iterable[str]) -> None:
        """Remove ``<out>/<table>.parquet`` of each of ``tables``: a link, a file or a folder of parts."""
        for table in tables:
            path = table_path(self.out, table)
            if path.is_symlink() or path.is_file():
                path.unlink()
            elif path.is_dir():
                shutil.rmtree(path)


def claimex_manifest(path: Path) -> bool:
    """``path`` is a manifest claimex wrote: a JSON object with its ``fingerprint`` and no
    keys but its own (``{"fingerprint": ...}`` in ``<out>`` before generations; ``version``,
    ``fingerprint`` and ``tables`` since)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "fingerprint" in data and set(data) <= {"version", "fingerprint", "tables"}


def tables_in(folder: Path) -> list[str]:
    """The tables (``<name>.parquet``) a generation or staging folder holds."""
    return sorted(p.name[: -len(".parquet")] for p in folder.iterdir() if p.name.endswith(".parquet"))


def _link_or_copy(src: Path, dst: Path) -> None:
    src = src.resolve()  # a link to the file, never to the link
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _replace_link(path: Path, target: str, folder: Path) -> None:
    """Point the symbolic link ``path`` at ``target``, atomically. A real file or
    folder at ``path`` (a table of the layout before generations, or one written
    there by hand) is replaced."""
    tmp = folder / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
    os.symlink(target, tmp)
    try:
        if path.is_dir() and not path.is_symlink():
            aside = folder / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
            os.replace(path, aside)
            os.replace(tmp, path)
            shutil.rmtree(aside, ignore_errors=True)
        else:
            os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
