"""Offline question matching over the policy knowledge base."""
from .clarify import parse_fact_answer
from .facts import extract_facts
from .glossary import define
from .intent import Intent, classify_intent
from .matcher import Matcher
from .reply import Candidate, Clarification, Option, Reply
from .stance import Decision, asked, decide

__all__ = [
    "Candidate",
    "Clarification",
    "Intent",
    "Matcher",
    "Option",
    "Reply",
    "Decision",
    "asked",
    "decide",
    "classify_intent",
    "define",
    "extract_facts",
    "parse_fact_answer",
]
