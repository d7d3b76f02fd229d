"""Cards: one view model, rendered as an Adaptive Card, as plain text, and (for Slack) Block Kit."""
from .adaptive import render_adaptive
from .model import Button, CardView, Choice, Facts, Input, NumberedList, Quote, Text
from .text import render_text

__all__ = ["Button", "CardView", "Choice", "Facts", "Input", "NumberedList", "Quote", "Text",
           "render_adaptive", "render_text"]
