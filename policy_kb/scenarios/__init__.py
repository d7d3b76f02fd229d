"""Guided scenarios as data: load and validate them, walk them, recognise them in free text."""
from .loader import load_scenarios, paths
from .model import REPORT_FIELDS, Action, AgeBand, Choice, Outcome, Question, Scenario, ScenarioBook, ScenarioError
from .recognise import Recognised, recognise
from .walker import Walk

__all__ = ["REPORT_FIELDS", "Action", "AgeBand", "Choice", "Outcome", "Question", "Recognised", "Scenario",
           "ScenarioBook", "ScenarioError", "Walk", "load_scenarios", "paths", "recognise"]
