"""Normalisation: synonyms table hygiene, stemming, typo correction."""
from __future__ import annotations

import collections

import pytest
import yaml

from policy_kb.search.lexicon import SYNONYMS_FILE, joined, load_lexicon, stem


class _DuplicateKeyLoader(yaml.SafeLoader):
    duplicates: list = []


def _mapping(loader, node, deep=False):
    keys = [loader.construct_object(key) for key, _ in node.value]
    _DuplicateKeyLoader.duplicates += [k for k, n in collections.Counter(keys).items() if n > 1]
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_DuplicateKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def test_synonyms_file_has_no_duplicate_keys():
    _DuplicateKeyLoader.duplicates = []
    yaml.load(SYNONYMS_FILE.read_text(encoding="utf-8"), Loader=_DuplicateKeyLoader)
    assert _DuplicateKeyLoader.duplicates == []


def test_stemmer_conflates_inflections():
    assert stem("messages") == stem("messaged") == stem("message")
    assert stem("settings") == stem("setting")
    assert stem("apply") != stem("apps")


def test_slang_and_phrases_map_to_kb_words(matcher):
    assert {"instagram", "dm"} <= set(matcher.terms("can i dm kids on insta"))
    assert "exstudent" in matcher.terms("an ex-pupil added me")
    assert "parent" in matcher.terms("my mum friend")


def test_typos_are_fixed_but_real_words_are_not(matcher):
    assert matcher.terms("a message i recieved") == matcher.terms("a message i received")
    assert "fund" in " ".join(matcher.terms("funding cuts"))
    assert matcher.terms("annual leave") == [stem("annual"), stem("leave")]


def test_lexicon_loads_anchors():
    lexicon = load_lexicon()
    assert "instagram" in lexicon.anchors
    assert lexicon.on_topic(["instagram"])
    assert not lexicon.on_topic(["phon"])


@pytest.mark.parametrize(("said", "written"), [
    ("can i add him on face book", "can i add him on facebook"),
    ("a Tick Tock dance on my tik tok", "a tiktok dance on my tiktok"),
    ("my you tube channel and my linked in", "my youtube channel and my linkedin"),
    ("on whats app from my gmial", "on whatsapp from my gmail"),
    ("it's linked in the bio", "it's linked in the bio"),
    ("whats app do you use", "whats app do you use"),
    ("one of my year elevens, she's seventeen now", "one of my year 11s, she's 17 now"),
    ("a twenty-one year old and a sixteen-year-old", "a 21 year old and a 16-year-old"),
    ("we've been friends for ten years", "we've been friends for ten years"),
    ("ive checked and I dont think so, weve asked", "i've checked and I don't think so, we've asked"),
    ("whats my responsibility, thats it, who is CMAT ITS", "what's my responsibility, that's it, who is CMAT ITS"),
])
def test_spoken_platform_names_are_one_word_ages_and_year_groups_are_figures_and_contractions_have_apostrophes(said, written):
    assert joined(said) == written
