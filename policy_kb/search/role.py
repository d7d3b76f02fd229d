"""Who the writer is, said first, is not what they ask: "minibus driver, in plain english what is this policy for",
"caretaker here - is there a bit that says who it's for", "sports coach - can my team follow me?". Left in, the role's
words weigh against the question's own (the first scored 13 of 100 against the purpose of the policy, "what is this
policy for" 100). Only a role that opens the message and is set off by a comma, dash or colon is read away, and not when
the question is whether the policy is for them ("peripatetic teacher here, do these rules cover me?"), which the role
answers. Pure, offline, no I/O. Used by `Matcher.answer`.
"""
from __future__ import annotations

import re

_ROLE = (r"(?:minibus driver|driver|caretaker|cleaner|site (?:team|manager|staff)|estates? (?:manager|team)|midday(?: supervisor| assistant)?|"
         r"lunchtime supervisor|dinner lady|catering (?:manager|staff|team)|cook|chef|office(?: manager| staff| team)?|receptionist|"
         r"admin(?: team)?|business manager|bursar|(?:sports |football |netball )?coach|peri(?:patetic)?(?: \w+)?(?: teacher| tutor)?|"
         r"cover supervisor|supply(?: teacher)?|trainee(?: teacher)?|student teacher|volunteer|governor|h?ltas?|teaching assistant|"
         r"technician|librarian|invigilator|exams officer|nursery (?:nurse|practitioner)|houseparent|ect|nqt)")
_OPENING = re.compile(rf"^\s*(?:(?:hi|hello|hiya)[,!]?\s+)?(?:i'?m |im |i am )?(?:a |an |the )?{_ROLE}(?: here)?\s*[-–—,:.]\s+(?=\S)",
                      re.IGNORECASE)

# "do these rules cover me?", "whose rules do I follow?", "this isn't really for us, is it?"
_ABOUT_ME = re.compile(r"\b(?:cover|covers|apply|applies|include|includes|mean|for|bound by|covered by)\b (?:\w+ ){0,2}(?:me|us)\b|"
                       r"\bwhose (?:\w+ ){0,3}(?:rules|policy|policies)|\b(?:am i|are we|is it|it s|its) (?:even |still |really )?"
                       r"(?:covered|included|meant|for me|for us)\b", re.IGNORECASE)


def read(text: str) -> str:
    """The message without a role it opens with, when something is left to ask."""
    rest = _OPENING.sub("", text, count=1)
    if rest == text:
        return text  # most messages open with no role
    return rest if len(rest.split()) >= 3 and not _ABOUT_ME.search(rest) else text
