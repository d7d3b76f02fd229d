"""Offline question matching over the policy knowledge base."""
from .clarify import parse_fact_answer
from .facts import extract_facts
from .intent import Intent, classify_intent
from .matcher import Matcher
from .reply import Candidate, Clarification, Option, Reply

__all__ = [
    "Candidate",
    "Clarification",
    "Intent",
    "Matcher",
    "Option",
    "Reply",
    "classify_intent",
    "extract_facts",
    "parse_fact_answer",
]
