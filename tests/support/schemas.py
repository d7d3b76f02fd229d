"""The official JSON schemas (copied under tests/schemas), loaded for offline validation."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft6Validator, Draft7Validator, validators
from jsonschema.exceptions import best_match

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def _load(rel: str) -> dict:
    return json.loads((SCHEMAS / rel).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def adaptive_card_validator() -> Draft6Validator:
    schema = _load("adaptivecards/1.5.0/adaptive-card.json")
    # Teams' own `msteams` property is allowed on the root, as SOURCES.md describes.
    schema["definitions"]["AdaptiveCard"]["properties"]["msteams"] = {"type": "object"}
    return Draft6Validator(schema)


# Card JSON (canonical: keys sorted) -> its outcome. Bots send the same card many times (every
# answer to one question, every welcome), and validating against the 1.5 schema is the slowest
# thing a test does; the outcome of a card never changes, so each distinct card is checked once.
# An invalid card's error is cached too, so every test that sends it still fails.
_card_outcomes: dict[str, str | None] = {}

# Parts of cards found valid under one `anyOf` of the schema (the unions of element and action
# types, where validating spends its time), as (id of that anyOf, canonical JSON). Whether a value
# is valid under a subschema depends on nothing else here (one document, one base URI, no formats),
# so a new card that repeats a checked element is not walked through every type again. Only valid
# outcomes are kept: an invalid part is checked in full each time and its errors are the same.
_valid_under_any_of: set[tuple[int, str]] = set()
_ANY_OF = Draft6Validator.VALIDATORS["anyOf"]


def _any_of_remembering_valid(validator, any_of, instance, schema):
    if not isinstance(instance, (dict, list)):
        yield from _ANY_OF(validator, any_of, instance, schema)
        return
    key = (id(any_of), json.dumps(instance, sort_keys=True))
    if key in _valid_under_any_of:
        return
    errors = list(_ANY_OF(validator, any_of, instance, schema))
    if not errors:
        _valid_under_any_of.add(key)
    yield from errors


@lru_cache(maxsize=1)
def _remembering_card_validator() -> Draft6Validator:
    """The same schema and draft, remembering valid parts; only for plain JSON (see below)."""
    remembering = validators.extend(Draft6Validator, {"anyOf": _any_of_remembering_valid})
    return remembering(adaptive_card_validator().schema)


def adaptive_card_errors(card: dict) -> str | None:
    """None when the card is valid Adaptive Cards 1.5, else the most relevant error."""
    try:
        key = json.dumps(card, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        key = None  # not plain JSON (a set, NaN): never cached
    if key is None or json.loads(key) != card:  # or a tuple or a non-string key the text would hide
        return _adaptive_card_errors(card, adaptive_card_validator())
    try:
        return _card_outcomes[key]
    except KeyError:
        outcome = _card_outcomes[key] = _adaptive_card_errors(card, _remembering_card_validator())
        return outcome


def _adaptive_card_errors(card: dict, validator: Draft6Validator) -> str | None:
    if not validator.is_valid(card):
        error = best_match(validator.iter_errors(card))
        return f"{error.message} at {'/'.join(map(str, error.absolute_path))}"
    if card.get("version") != "1.5":
        return f"card version is {card.get('version')!r}, expected '1.5'"
    return None


@lru_cache(maxsize=1)
def activity_validator() -> Draft7Validator:
    bf = _load("botframework/botframework.json")
    return Draft7Validator({"$ref": "#/definitions/Activity", "definitions": bf["definitions"]})


@lru_cache(maxsize=1)
def teams_manifest_validator() -> Draft7Validator:
    return Draft7Validator(_load("teams/v1.29/MicrosoftTeams.schema.json"))


@lru_cache(maxsize=1)
def slack_manifest_validator() -> Draft7Validator:
    return Draft7Validator(_load("slack/schemas/manifest.schema.2.0.0.json"))
