"""The archive's index is cached and rebuilt only when the archive (its content) or the model
changes; a damaged cache is rebuilt, and only the two most recent indexes are kept."""
from __future__ import annotations

import os

import pytest

from pipeline.errors import OutputError
from pipeline.matching import Reranker, load_matcher, read_archive

from .matching_archive import ARCHIVE, write_archive


def _folders(cache):
    return sorted(p.name for p in cache.iterdir())


def test_matching_cache_loaded_not_rebuilt_when_nothing_changed(tmp_path):
    path = write_archive(tmp_path / "a.tsv")
    cache = tmp_path / "cache"
    first = load_matcher(path, cache)
    (folder,) = list(cache.iterdir())
    stamp = (folder / "index_meta.json").stat().st_mtime_ns
    os.utime(path)  # a touched file with the same content is the same archive
    second = load_matcher(path, cache)
    assert first.built and not second.built
    assert (folder / "index_meta.json").stat().st_mtime_ns == stamp
    claims = ["Koalas are now functionally extinct", "Bill Gates and microchips in vaccines"]
    assert first.match(claims) == second.match(claims)


def test_matching_cache_rebuilt_when_the_archive_or_the_model_changes(tmp_path):
    path = write_archive(tmp_path / "a.tsv")
    cache = tmp_path / "cache"
    load_matcher(path, cache)
    write_archive(path, ARCHIVE + [("fc-100", "The Moon landing in 1969 was staged in a studio.", "", "", "")])
    changed = load_matcher(path, cache)
    assert changed.built and "fc-100" in changed.index.ids and len(_folders(cache)) == 2
    assert changed.match(["the 1969 moon landing was filmed in a studio"])[0][0][1] == "fc-100"
    spec = dict(Reranker.load().spec, intercept=Reranker.load().intercept + 1.0)
    other_model = load_matcher(path, cache, model=Reranker(spec))
    assert other_model.built and len(_folders(cache)) == 2  # the oldest index was removed


def test_matching_cache_damaged_index_is_rebuilt(tmp_path):
    path = write_archive(tmp_path / "a.tsv")
    cache = tmp_path / "cache"
    load_matcher(path, cache)
    (folder,) = list(cache.iterdir())
    (folder / "index.npz").write_bytes(b"not an npz file")
    again = load_matcher(path, cache)
    assert again.built and again.match(["koalas functionally extinct"])[0][0][1] == "fc-001"
    assert not [p for p in cache.iterdir() if p.name.startswith(".")], "a temporary folder was left behind"


def test_matching_cache_index_round_trip_keeps_every_field(tmp_path):
    path = write_archive(tmp_path / "a.tsv")
    built = load_matcher(read_archive(path), tmp_path / "cache")
    loaded = load_matcher(read_archive(path), tmp_path / "cache")
    a, b = built.index, loaded.index
    assert (a.ids, a.claims, a.titles, a.urls, a.verdicts, a.members) == (b.ids, b.claims, b.titles, b.urls, b.verdicts, b.members)
    assert a.vocab == b.vocab and a.num_vocab == b.num_vocab and (a.W != b.W).nnz == 0 and (a.E == b.E).all()


def test_matching_cache_verdict_and_url_come_from_the_archive_read_now(tmp_path):
    path = write_archive(tmp_path / "a.tsv")
    cache = tmp_path / "cache"
    load_matcher(path, cache)
    koalas = "https://factcheck.example/koalas-updated"
    write_archive(path, [(i, c, t, koalas, "False") if i == "fc-001" else (i, c, t, u, v) for i, c, t, u, v in ARCHIVE])
    again = load_matcher(path, cache)
    assert not again.built  # what the index is made of did not change
    (row,) = again.claim_match_rows(iter([("d1", 0, "Koalas are functionally extinct")]), top_k=1)
    assert (row["match_id"], row["match_url"], row["match_verdict"]) == ("fc-001", koalas, "False")


def test_matching_cache_a_file_where_the_cache_folder_goes_is_an_output_error(tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("not a folder")
    with pytest.raises(OutputError, match=r"the index cache .*cache is a file, not a folder; move or remove it"):
        load_matcher(write_archive(tmp_path / "a.tsv"), cache)
    assert cache.read_text() == "not a folder"
