"""The onboarding quiz core: question bank, draws, scoring, roster, reminders (plain Python)."""
from .bank import Question, QuestionBank, QuizBankError, QuizOption, load_bank

__all__ = ["Question", "QuestionBank", "QuizBankError", "QuizOption", "load_bank"]
