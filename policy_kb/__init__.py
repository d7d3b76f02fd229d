"""The staff social-media policy as data, and the code that loads and searches it."""
from .cite import Citation, cite, render_citation
from .loader import load_knowledge_base
from .model import CONTACTS, STANCES, VERDICTS, Clause, GlossaryEntry, KnowledgeBase, KnowledgeBaseError, says

__all__ = [
    "Citation",
    "cite",
    "render_citation",
    "CONTACTS",
    "STANCES",
    "VERDICTS",
    "says",
    "Clause",
    "GlossaryEntry",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "load_knowledge_base",
]
