"""The archive's index, cached on disk and rebuilt only when the archive or the model changes.

``load_or_build(archive, cache_dir)`` keeps each index in ``cache_dir/archive-<key>/``; the key
hashes the archive's content (ids, claims, titles: not its file name or date), the index
format, the reranker's weights and the embedding function (its vectors for a few fixed
sentences). A changed archive or model gets a new folder; the older folders beyond the two most
recent are removed. An index is written to a hidden folder and renamed into place when
complete, so an interrupted build leaves no half index; a damaged one is rebuilt. A loaded
index takes each entry's URL and verdict from the archive just read: they are not in the key
(an edited verdict costs no rebuild), so the cached copies may be out of date.
"""
from __future__ import annotations

import hashlib
import shutil
import uuid
import zipfile
from pathlib import Path

import numpy as np

from ..errors import OutputError
from .archive import Archive
from .index import FORMAT_VERSION, Encode, Index, build_index
from .reranker import Reranker

#: sentences whose embeddings stand for the embedding table in the cache key
_PROBES = ("The unemployment rate fell to 4 percent last year.", "Koalas are functionally extinct.",
           "Ministers met in Vienna on Thursday to discuss security.")
#: cache folders kept (the current one and the one before)
KEEP = 2


def embedding_fingerprint(encode: Encode | None) -> str:
    if encode is None:
        return "none"
    vectors = np.asarray(encode(list(_PROBES)), dtype=np.float32)
    return hashlib.sha256(np.round(vectors, 5).tobytes()).hexdigest()


def cache_key(archive: Archive, reranker: Reranker, encode: Encode | None) -> str:
    h = hashlib.sha256()
    for part in (f"format={FORMAT_VERSION}", archive.content_hash(), reranker.fingerprint(),
                 embedding_fingerprint(encode)):
        h.update(part.encode())
        h.update(b"\x1e")
    return h.hexdigest()[:20]


def load_or_build(archive: Archive, cache_dir: Path, reranker: Reranker, encode: Encode | None) -> tuple[Index, bool]:
    """(the archive's index, whether it was built now rather than loaded from the cache)."""
    cache_dir = Path(cache_dir)
    if cache_dir.exists() and not cache_dir.is_dir():  # before the build, which can take seconds
        raise OutputError(f"the index cache {cache_dir} is a file, not a folder; move or remove it "
                          "(the archive's index is cached in that folder)")
    folder = cache_dir / f"archive-{cache_key(archive, reranker, encode)}"
    if (folder / "index_meta.json").exists():
        try:
            index = Index.load(folder)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile):
            shutil.rmtree(folder, ignore_errors=True)  # a damaged index of ours: build it again
        else:
            # the key holds ids, claims and titles in file order, so the rows are the archive's
            index.urls, index.verdicts = list(archive.urls), list(archive.verdicts)
            return index, False
    index = build_index(archive, encode)
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f".building-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        index.save(tmp)
        try:
            tmp.replace(folder)
        except OSError:
            if not (folder / "index_meta.json").exists():
                raise
            shutil.rmtree(tmp, ignore_errors=True)  # another process cached the same index meanwhile
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _prune(cache_dir, keep=folder)
    return index, True


def _prune(cache_dir: Path, keep: Path) -> None:
    """Remove the oldest index folders beyond KEEP (only folders this module names)."""
    others = sorted((p for p in cache_dir.glob("archive-*") if p.is_dir() and p != keep),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP - 1:]:
        shutil.rmtree(old, ignore_errors=True)
