"""The official JSON schemas (copied under tests/schemas), loaded for offline validation."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft6Validator, Draft7Validator
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


def adaptive_card_errors(card: dict) -> str | None:
    """None when the card is valid Adaptive Cards 1.5, else the most relevant error."""
    validator = adaptive_card_validator()
    error = best_match(validator.iter_errors(card))
    if error is None:
        if card.get("version") != "1.5":
            return f"card version is {card.get('version')!r}, expected '1.5'"
        return None
    return f"{error.message} at {'/'.join(map(str, error.absolute_path))}"


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
