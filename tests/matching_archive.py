"""A hand-made archive of checked claims (written for these tests, in the style of a fact-checker's
archive: the claim, the fact-check's title, URL, verdict) and claims to match against it."""
from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = ("id", "claim", "title", "url", "verdict")
ARCHIVE = [
    ("fc-001", "Koalas are functionally extinct after the 2019 Australian bushfires.",
     "Are Koalas 'Functionally Extinct'?", "https://factcheck.example/koalas", "Mostly False"),
    ("fc-002", "Pope Francis said that people who own guns cannot call themselves Christians.",
     "Did the Pope Say Gun Owners Aren't Christians?", "https://factcheck.example/pope-guns", "Mixture"),
    ("fc-003", "Drinking hot water every 15 minutes prevents infection with the coronavirus.",
     "Does Drinking Hot Water Kill the Coronavirus?", "https://factcheck.example/hot-water", "False"),
    ("fc-004", "A photograph shows a shark swimming on a flooded highway in Houston after Hurricane Harvey.",
     "Shark on a Flooded Houston Freeway?", "https://factcheck.example/shark", "False"),
    ("fc-005", "The US unemployment rate fell to 3.5 percent in September 2019, the lowest in 50 years.",
     "Is Unemployment at a 50-Year Low?", "https://factcheck.example/unemployment", "True"),
    ("fc-006", "Bill Gates wants to implant microchips in people through coronavirus vaccines.",
     "Is Bill Gates Planning to Microchip People?", "https://factcheck.example/gates", "False"),
    ("fc-007", "Finland is introducing a four-day work week with six-hour working days.",
     "Is Finland Moving to a Four-Day Week?", "https://factcheck.example/finland", "False"),
    ("fc-008", "NASA confirmed that the Earth will go through 15 days of total darkness in November.",
     "Will Earth Go Dark for 15 Days?", "https://factcheck.example/darkness", "False"),
    ("fc-009", "McDonald's uses ground worms as a filler in its hamburgers.",
     "Worms in McDonald's Burgers?", "https://factcheck.example/worms", "False"),
    ("fc-010", "The Great Wall of China is visible from the Moon with the naked eye.",
     "Can You See the Great Wall from the Moon?", "https://factcheck.example/great-wall", "False"),
    ("fc-011", "Unemployment in the United Kingdom rose to 5 percent in 2020.",
     "Did UK Unemployment Rise to 5 Percent?", "https://factcheck.example/uk-jobs", "True"),
    # the same checked claim filed twice (other quotation marks): indexed once, reported as fc-001
    ("fc-012", "Koalas are \u201cfunctionally extinct\u201d after the 2019 Australian bushfires.",
     "Are Koalas \u2018Functionally Extinct\u2019?", "https://factcheck.example/koalas-2", "Mostly False"),
]

#: (claim, the archive id that must rank first): tweets and news sentences that repeat a checked
#: claim in their own words
MUST_RANK_FIRST = [
    ("Koalas are now 'functionally extinct' because of the bushfires in Australia https://t.co/abc #SaveTheKoalas",
     "fc-001"),
    ("Pope Francis: you cannot call yourself a Christian if you own a gun \u2014 Jane Doe (@jdoe) March 3, 2019",
     "fc-002"),
    ("Doctors say drinking hot water every fifteen minutes will kill the coronavirus", "fc-003"),
    ("Unbelievable: a shark swimming down a Houston freeway after #Harvey! pic.twitter.com/xyz", "fc-004"),
    ("US unemployment is down to 3.5%, the lowest rate in half a century", "fc-005"),
    ("Bill Gates plans to put microchips in everyone with the coronavirus vaccine", "fc-006"),
    ("@NASA says the Earth will go dark for 15 days this November", "fc-008"),
    ("Finland's prime minister wants a four day working week and six hour days", "fc-007"),
    # numbers decide between two unemployment claims
    ("Britain's unemployment rate rose to 5% in 2020, official figures show.", "fc-011"),
]

#: claims of the seeds and ordinary news sentences: nothing in the archive checks them, so no match
#: may score DEFAULT_MIN_SCORE (0.1) or more
MUST_MATCH_NOTHING = [
    "Belarus is ready to host these discussions without any preconditions.",
    "The OSCE mandate covers a wide range of issues within the politico-military, economic and environmental "
    "and human dimensions.",
    "Over the past decade, the OSCE's peacekeeping activities yielded no tangible progress.",
    "The project aims at strengthening safety of the SALW storage and improving stockpile management.",
    "Ministers met in Vienna on Thursday to discuss security in Europe.",
    "Shares in the company rose 4% after it reported better than expected profits.",
    # the same person or thing, another story
    "Pope Francis visited a children's hospital in Rome on Sunday.",
    "Bill Gates stepped down from the board of Microsoft in 2020.",
    "Koalas were released back into a national park in New South Wales.",
    "The Great Wall of China attracts millions of tourists every year.",
    "McDonald's reported higher sales of hamburgers in Asia.",
    "Unemployment fell in the United States last month.",
    # not here: "Hurricane Harvey flooded large parts of Houston in 2017." scores 0.26 against the
    # Houston shark (fc-004): the reranker leans on shared entities (README, "Has this been
    # checked before?")
]


def write_archive(path: Path, rows=ARCHIVE, columns=COLUMNS, delimiter: str = "\t") -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(columns)
        w.writerows(rows)
    return path


def archive_records(rows=ARCHIVE) -> list[dict]:
    return [dict(zip(COLUMNS, r)) for r in rows]
