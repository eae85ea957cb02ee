"""resources/quote_title_cues.txt: the words before quotation marks that make the quoted
span a name or a title, not speech, with their kind."""
import pytest

from pipeline.resources import QUOTE_TITLE_CUE_KINDS, quote_title_cues


@pytest.mark.parametrize("kind, present, absent", [
    # a title or name follows whatever its case (docs/guidelines.md §4: `titled "..."`)
    ("naming", {"titled", "named", "so-called", "dubbed", "hashtag"}, {"book", "movie", "said", "the"}),
    # a noun for a work: a Title Case phrase after it is the work's name (PolNeAR train)
    ("work", {"book", "movie", "episode", "programme", "reads"}, {"titled", "named", "said", "the"}),
])
def test_resources_quote_title_cues_by_kind(kind, present, absent):
    words = quote_title_cues(kind)
    assert present <= words
    assert not absent & words


def test_resources_quote_title_cues_kinds_do_not_overlap():
    assert quote_title_cues("naming") and quote_title_cues("work")
    assert not quote_title_cues("naming") & quote_title_cues("work")


def test_resources_quote_title_cues_unknown_kind_names_the_choices():
    with pytest.raises(ValueError, match="valid kinds: naming, work"):
        quote_title_cues("title")


def test_resources_quote_title_cues_every_kind_is_used():
    assert all(quote_title_cues(k) for k in QUOTE_TITLE_CUE_KINDS)


@pytest.mark.parametrize("text", ["titled\n", "titled | naming heading\n", "| work\n"])
def test_resources_quote_title_cues_malformed_entry_is_refused(resource_text, text):
    resource_text(text)
    with pytest.raises(ValueError, match="quote_title_cues.txt: expected 'entry | kind"):
        quote_title_cues("naming")
