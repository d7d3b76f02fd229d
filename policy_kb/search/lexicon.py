"""Tokenise staff questions: normalise, expand slang and synonyms, fix typos, stem."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping

import yaml
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

SYNONYMS_FILE = Path(__file__).resolve().parent.parent / "synonyms.yaml"

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "from", "by", "with", "about", "as", "into", "onto", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "have", "has", "had", "having", "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "they", "them", "their", "theirs", "it", "its", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "just", "so", "too", "very", "really", "also", "any", "all", "some", "no", "not", "nor", "than", "then", "s", "t", "ll", "ve", "re", "d", "m", "o", "y", "im", "ive", "id", "ok", "okay", "please", "thanks", "hi", "hey", "get", "got", "go", "going", "want", "wants", "wanted", "like", "one", "still", "now", "yet", "ever", "anything", "something", "thing", "things", "stuff", "lot", "bit", "etc", "say", "says", "said", "tell", "know", "think", "let", "make", "need", "able", "way"]
)
_CONTRACTIONS = (
    (re.compile(r"\bcan'?t\b"), "can not"),
    (re.compile(r"\bwon'?t\b"), "will not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'(s|re|ve|ll|d|m)\b"), r" \1"),
)
_ITS = re.compile(r"\b(?:CMAT\s+)?ITS\b|\bCMAT\s+its\b|\bcmat its\b")
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[a-z]{2,3})?")
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")  # a word as typed, "haven't" whole (not "haven" and "t")


@dataclass(frozen=True)
class Lexicon:
    phrases: tuple[re.Pattern[str], Mapping[str, str]]
    words: Mapping[str, tuple[str, ...]]
    anchors: frozenset[str] = frozenset()
    keep: frozenset[str] = frozenset()
    weak_anchors: frozenset[str] = frozenset()

    def on_topic(self, terms: Iterable[str]) -> bool:
        """True when the terms name this policy's subject: one strong anchor or two weak ones."""
        found = set(terms)
        return bool(found & self.anchors) or len(found & self.weak_anchors) >= 2


def load_lexicon(path: Path = SYNONYMS_FILE) -> Lexicon:
    """Read the phrase and word synonym tables."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    phrases = sorted((data.get("phrases") or {}).items(), key=lambda kv: len(kv[0]), reverse=True)
    table = {clean(k).replace("-", " "): str(v) for k, v in phrases}
    compiled = (re.compile(rf"(?<![\w‐-])(?:{longest_first(table)})(?![\w‐-])"), MappingProxyType(table))
    words = {str(k): tuple(str(x) for x in v) for k, v in (data.get("words") or {}).items()}
    # Also key each entry by its stem, so "cleaners" finds the entry for "cleaner".
    for key, value in list(words.items()):
        words.setdefault(stem(key), value)
    anchors = {stem(str(word)) for word in data.get("anchors") or ()}
    keep = frozenset(str(word) for word in data.get("keep") or ())
    weak = frozenset(stem(str(word)) for word in data.get("weak_anchors") or ())
    return Lexicon(compiled, MappingProxyType(words), frozenset(anchors), keep, weak)


def longest_first(phrases: Iterable[str]) -> str:
    """A regex for any of the phrases that prefers the longest one matching at a position.

    It behaves like the phrases joined with "|" longest first, but is written as a trie
    ("abc|ab" becomes "ab(?:c)?"), so the engine reads each letter once rather than trying
    every phrase in turn at every word.
    """
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}  # a phrase ends here

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) > 1:
            body = f"(?:{'|'.join(branches)})"
        else:
            body = f"(?:{branches[0]})" if "" in node else branches[0]
        return f"{body}?" if "" in node else body  # greedy: the longer phrase is tried first

    return pattern(trie)


# One question is cleaned by several readers (facts, cues, priors); remember the last few.
@lru_cache(maxsize=128)
def clean(text: str) -> str:
    """Lower-case and straighten quotes and dashes."""
    text = text.lower()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = text.replace("‐", "-").replace("–", "-").replace("—", "-")
    for pattern, repl in _CONTRACTIONS:
        text = pattern.sub(repl, text)
    return text


# Names said aloud to a phone or split by autocorrect ("face book", "tick tock") and misspelt email
# providers ("gmial"), written as the one word every rule knows. Case is kept for the rest.
_SPOKEN = tuple((re.compile(pattern, re.IGNORECASE), word) for pattern, word in (
    (r"\bface ?books?\b", "facebook"),
    (r"\byou ?tub(?:e|er)\b", "youtube"),
    (r"\byou ?tubers\b", "youtubers"),
    (r"\bti[ck]+ ?to[ck]+s?\b", "tiktok"),
    (r"\binsta ?grams?\b", "instagram"),
    (r"\bsnap ?chats?\b", "snapchat"),
    # "can i snap the kids at the tables": a photo taken, not Snapchat
    (r"\bsnap(?:ped|ping)? (?=(?:a |some |the |a few |loads of |all the )?(?:kids|children|pupils|students|photos?|pics?|pictures|shots?|class|team)\b)",
     "photograph "),
    (r"\b(?:what'?s|watts?|wots) ?ap+s?\b(?! (?:do|does|is|are|should|would|can)\b)", "whatsapp"),
    (r"\blinked ?in\b(?! (?:the|to|a|an|with|my|our|your|their|his|her)\b)", "linkedin"),
    (r"\bx ?box\b", "xbox"),
    (r"\bv ?r ?chat\b", "vrchat"),
    # a campaign's name is not the harm it is against: "anti-bullying week", "anti racism assembly"
    (r"\banti[- ]?(bull\w*|racis\w*|radicalis\w*|extremis\w*)", r"anti\1"),
    (r"\bface ?time\b", "facetime"),
    # days typed short: "flies out tmrw", "mum gone since yday", "tonite"
    (r"\b(?:tmrw|tmrrw|tmoz|tomoz|2moro|2morrow|tomorow|tommorow|tommorrow)\b", "tomorrow"),
    (r"\b(?:tonite|2nite)\b", "tonight"),
    (r"\bp[ae]r[ae]?c[ei]t[aeiou]?m[oa]ls?\b", "paracetamol"),  # "paracetemol", "paracetomol"
    (r"\b(?:yday|ystday|yesterdy)\b", "yesterday"),
    (r"\bsma(?:ck|kc|k)e?d\b", "smacked"),  # "the escort smaked a child"
    (r"\bw/o\b", "without"),
    (r"\blive[ -]stream(s|ed|ing)?\b", r"livestream\1"),
    (r"\b(?:g ?mail|gmial|gmal|gamil|gmai)\b", "gmail"),
    (r"\b(?:hot ?mail|hotmial|hotmal|hotmai|hotmali)\b", "hotmail"),
    (r"\byahooo+\b", "yahoo"),
    (r"\bi ?cloud\b", "icloud"),
    # the way many regions say "my", "mum" and "child": "me own phone", "a mam's got my number", "the bairns"
    # ("on me personal twitter", "me own phone"; not "showed me snapchat messages", where "me" is who was shown)
    (r"\b(on|from|in|to|use|using|with|off|of|at|onto|via|through|about|and) me (?=(?:personal|private|mobile|phone|number|twitter|insta\w*|"
     r"facebook|fb|tiktok|snap\w*|account|page|e-?mail|gmail|hotmail|profile|class|form|tutor group|kids?|mum|mam|dad|daughter|son|sister|"
     r"brother|husband|wife|partner|neighbour|mate)\b)", r"\1 my "),
    (r"\bme (?=own\b)", "my "),
    (r"\bmam(s|'s)?\b", r"mum\1"),
    (r"\b(?:bairn|wean)(s)?\b", r"kid\1"),
    # contractions typed without the apostrophe, which the rules read with it
    (r"\b(i|we|you|they)ve\b", r"\1've"),
    (r"\bim\b", "i'm"),
    (r"\b(what|who|where|there|that)s\b(?! (?:app|ap)\b)", r"\1's"),
    (r"\b(do|did|does|have|has|is|are|was|were|could|should|would|ca)nt\b", r"\1n't"),
))


_NUMBERS = {w: n for n, w in enumerate(("five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                                         "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"), start=5)}
_UNITS = {w: n for n, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), start=1)}
_SAID = rf"({'|'.join(_NUMBERS)})(?:[- ]({'|'.join(_UNITS)}))?"
# a year group or an age, not any count ("for ten years" stays words)
_BEFORE = ("year", "yr", "aged", "age", "turned", "turns", "is", "'s", " s", "shes", "hes", "be", "now", "only", "just",
           "nearly", "almost", "under", "over")
_AGE_AFTER = r"(?: |-)?(?:years?|yrs?|y/?o)(?: |-)?old\b|(?: now| yet)\b"
_NUMBER = re.compile(rf"\b(?:{'|'.join(f'(?<={w} )' for w in _BEFORE)}){_SAID}(?=s?\b)|\b{_SAID}(?={_AGE_AFTER})", re.IGNORECASE)


def _figure(match: re.Match) -> str:
    tens, unit = (match.group(1) or match.group(3)).lower(), match.group(2) or match.group(4)
    if unit and tens != "twenty":
        return f"{_NUMBERS[tens]} {unit}"
    return str(_NUMBERS[tens] + (_UNITS[unit.lower()] if unit else 0))


_ANY_SPOKEN = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _SPOKEN), re.IGNORECASE)
# People said to be absent are not there: "leave my location on for my friends? no pupils on there obvs",
# "none of my students follow me"; "my insta is private, no students or parents on it" (but "the poster? no
# children on it" is the photo rules' fact: not read away where a picture is named)
_ABSENT = r"\b(?:no|not any|none of (?:my|the|our)) (?:current |ex-? ?)?(?:pupils?|students?|kids|children|parents?)" \
          r"(?: or (?:pupils?|students?|kids|children|parents?))? "
_NOBODY_THERE = re.compile(_ABSENT + r"(?:(?:are |is )?on (?:there\b|my (?:account|profile|friends list|followers|insta\w*|facebook|fb|"
                           r"tiktok|snap\w*|twitter|x|strava|linkedin|page)\b)|follow(?:s|ing)? (?:me|my \w+)\b)", re.IGNORECASE)
_NOBODY_ON_IT = re.compile(_ABSENT + r"(?:are |is )?on it(?=[,.;!?]|$)", re.IGNORECASE)
_PICTURED = re.compile(r"\b(?:photo|picture|pic|poster|display|video|image|shot|film|clip|selfie)s?\b", re.IGNORECASE)


def joined(text: str) -> str:
    """The text with spoken or split platform and provider names written as one word, numbers from five
    to twenty-nine said aloud as figures ("year eleven", "she's seventeen now"), and people said to be
    absent ("no pupils on there") read away."""
    if _ANY_SPOKEN.search(text):  # most questions have none: one search instead of one per pattern
        for pattern, word in _SPOKEN:
            text = pattern.sub(word, text)
    text = _NOBODY_THERE.sub("nobody from school", _NUMBER.sub(_figure, text))
    return text if _PICTURED.search(text) else _NOBODY_ON_IT.sub("nobody from school", text)


@lru_cache(maxsize=8192)  # staff vocabulary is small: most tokens repeat from question to question
def stem(token: str) -> str:
    """Strip common English suffixes (a deliberately light stemmer)."""
    if len(token) <= 3 or token.isdigit():
        return token
    if token.endswith("ies") and len(token) > 4:
        token = token[:-3] + "y"
    elif token.endswith("s") and not token.endswith(("ss", "us", "is")):
        token = token[:-1]
    for suffix in ("ing", "ed", "ly", "e"):
        if token.endswith(suffix) and len(token) - len(suffix) >= (4 if suffix == "ly" else 3):
            token = token[: -len(suffix)]
            break
    if len(token) > 3 and token[-1] == token[-2] and token[-1] not in "lsz":
        token = token[:-1]
    return token


def raw_tokens(text: str, lexicon: Lexicon) -> list[str]:
    """Clean text, apply phrase synonyms and split into word tokens."""
    text = clean(_ITS.sub(" cmatits ", text)).replace("-", " ")
    pattern, table = lexicon.phrases
    text = pattern.sub(lambda match: f" {table[match.group(0)]} ", text)
    text = text.replace("-", " ")
    return _TOKEN.findall(text)


def expand(tokens: Iterable[str], lexicon: Lexicon) -> list[str]:
    """Replace slang and synonyms by canonical words, drop stopwords, stem."""
    out: list[str] = []
    for token in tokens:
        mapped = lexicon.words.get(token) or lexicon.words.get(stem(token)) or (token,)
        for word in mapped:
            if word not in STOPWORDS:
                out.append(stem(word))
    return out


class Speller:
    """Correct out-of-vocabulary words to a close KB word (typos such as 'recieved')."""

    def __init__(self, vocabulary: Iterable[str], keep: Iterable[str] = ()):
        self._vocab = tuple(sorted({w for w in vocabulary if len(w) >= 4 and w.isalpha()}))
        self._known = frozenset(vocabulary) | frozenset(keep)
        initials: dict[str, list[str]] = {}
        for word in self._vocab:
            initials.setdefault(word[0], []).append(word)
        self._by_initial = {k: tuple(v) for k, v in initials.items()}
        self.correct = lru_cache(maxsize=4096)(self._correct)

    def fix(self, text: str) -> str:
        """The text in lower case with each word's typo corrected ("withuot asking" reads "without asking")."""
        return _WORD.sub(lambda found: self.correct(found.group(0)), text.lower().replace("’", "'"))

    def _correct(self, token: str) -> str:
        if token in self._known or len(token) < 5 or not token.isalpha():
            return token
        limit = 1 if len(token) < 9 else 2
        # Typos rarely change the first letter; requiring it stops "disability" -> "liability".
        pool = self._by_initial.get(token[0], ())
        for candidate, _distance, _index in process.extract(
            token, pool, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=3
        ):
            # A one-letter swap between real words ("funding"/"finding") is not a typo we can trust.
            if len(token) < 9 and len(candidate) == len(token) and sorted(candidate) != sorted(token):
                continue
            return candidate
        return token
