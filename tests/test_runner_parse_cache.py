"""Which package files invalidate the parse cache (``runner.fingerprint.parse_key``):
exactly the files that shape the parse, each declared once."""
import subprocess
import sys
import textwrap

import pytest

from pipeline.registry import parse_components
from pipeline.runner.fingerprint import parse_files
from tests.test_architecture import PACKAGE, _imports, _modules


@pytest.mark.parametrize("rel, shapes", [
    # the pipeline load_pipeline builds and what the DocBin stores
    ("nlp/loader.py", True),
    ("nlp/attribute_rules.py", True),
    ("nlp/docs.py", True),
    ("runner/parse_cache.py", True),
    ("resources/__init__.py", True),
    # the stages' parse components, their helper modules and word lists
    ("stages/sentences/rules.py", True),
    ("stages/entities/rules.py", True),
    ("stages/names.py", True),  # the entity rules read acronyms and titles from it
    ("stages/entities/lexicon.py", True),
    ("stages/entities/aliases.py", True),  # a lone surname the alias list knows stays as tagged
    ("resources/entity_aliases.txt", True),
    ("resources/titles.txt", True),
    ("resources/sentence_abbreviations.txt", True),
    ("resources/org_heads.txt", True),
    ("resources/club_words.txt", True),
    ("resources/source_nouns.txt", True),  # the nouns a body's name follows (kind `name`)
    # read by the stages only, after the parse
    ("resources/reporting_verbs.txt", True),  # its forms column: the sentence rules
    ("resources/claims_evaluative_predicates.txt", False),
    ("resources/speaker_roles.txt", False),
    ("stages/claims/cues.py", False),
    ("stages/claims/model.py", False),
    ("stages/quotes/speakers.py", False),
    ("stages/quotes/marks.py", False),
    ("stages/entities/canonical.py", False),
    ("stages/entities/stage.py", False),
    ("views/explore.py", False),
    ("nlp/lemmas.py", False),  # the lemmatizer never runs in the parse
    ("stages/claims/trained/model.json", False),
    ("runner/driver.py", False),
])
def test_runner_parse_key_files(rel, shapes):
    assert (rel in parse_files()) is shapes


def test_runner_parse_components_declare_every_word_list_they_read():
    """Parse the seeds in a fresh process that records every word list read:
    each must be declared in a parse component's RESOURCES (else editing it
    would not invalidate the cache), and nothing declared goes unread."""
    script = textwrap.dedent("""
        import json, sys
        from pipeline import resources
        read = set()
        real = resources._read
        resources._read = lambda name: read.add(name) or real(name)
        from pipeline.registry import load_pipeline, parse_components
        from tests.conftest import SEEDS
        nlp = load_pipeline()
        for doc in nlp.pipe(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))):
            pass
        declared = sorted({r for c in parse_components() for r in c.RESOURCES})
        print(json.dumps({"read": sorted(read), "declared": declared}))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    import json

    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["read"] == got["declared"]


def test_runner_parse_files_cover_every_module_the_components_import():
    """A helper module a parse component imports (directly or through another) shapes the
    parse: left out of ``PARSE_MODULES``, an edit to it would leave a rerun's cached
    entities stale."""
    modules = _modules()
    todo, seen = [c.__name__ for c in parse_components()], set()
    while todo:
        name = todo.pop()
        # (a package's ``__init__`` that only gathers its modules is not followed;
        # ``resources/__init__.py``, read by the parse, is keyed on its own)
        if name not in seen and modules[name].name != "__init__.py":
            seen.add(name)
            todo.extend(_imports(name, modules[name], modules))
    files = {modules[n].relative_to(PACKAGE).as_posix() for n in seen}
    assert "stages/names.py" in files and "stages/entities/lexicon.py" in files  # the walk reaches the helpers
    assert sorted(files - set(parse_files())) == []
