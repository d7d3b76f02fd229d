"""Offline question matching over the policy knowledge base."""
from .clarify import parse_fact_answer
from .facts import extract_facts
from .matcher import Matcher
from .reply import Candidate, Clarification, Option, Reply

__all__ = ["Candidate", "Clarification", "Matcher", "Option", "Reply", "extract_facts", "parse_fact_answer"]
