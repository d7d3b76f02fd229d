"""Where the person heard or saw something is not what they ask: "how much is breakfast club now? someone on the
parents' whatsapp says it's gone up", "is there a staff discount for the holiday club? I saw it advertised on
Instagram", "what's the rule on fizzy drinks in packed lunches? a mum kicked off about it on the school facebook".

The platform named there is only the source. When the question itself says nothing of social media, of
posting, replying or connecting, and does not point back at what the source said ("is that allowed?"), the
source is read as "someone said", so its words do not make a question about fees or lunches one about the
social media policy. Pure, offline, no I/O. Used by `Matcher.answer`.
"""
from __future__ import annotations

import re

from ..relevance import normalise
from .stance import question_part

_PLATFORM = (r"(?:whats ?app|facebook|fb|insta\w*|twitter|x|tiktok|snap\w*|group ?chat|chat|page|group|forum|mumsnet|"
             r"website|site|newsletter|linkedin|youtube|nextdoor)")
_SOURCE = re.compile(
    # "someone on the parents whatsapp says", "a mum in the class group chat reckons"
    r"\b(?:someone|somebody|(?:a|one|some|a few|one of the) (?:\w+ )?(?:mums?|dads?|parents?|carers?|people)|parents|people) "
    rf"(?:on|in) (?:the |a |our |their )?(?:\w+ ){{0,2}}{_PLATFORM}(?: group| chat| page)? "
    r"(?:says?|said|is saying|are saying|posted|reckons?|claims?|mentioned|asked)\b"
    # "I saw it advertised on Instagram", "spotted a post on the school facebook"
    r"|\b(?:i )?(?:saw|seen|spotted|read|noticed) (?:it|this|that|them|an? (?:ad|advert|post|notice))(?: \w+){0,2}? "
    rf"(?:(?:advertised|posted|mentioned|shared) )?(?:on|in) (?:the |a |our )?(?:school'?s? |trust'?s? )?(?:\w+ )?{_PLATFORM}\b"
    # "a mum kicked off about it on the school facebook"
    r"|\b(?:kicked off|complained|moaned|ranted|posted|asked|commented|went off) about (?:it|this|that) "
    rf"(?:on|in) (?:the |a |our )?(?:school'?s? |trust'?s? )?(?:\w+ )?{_PLATFORM}\b")
# The question itself is about social media, or about what the source said.
_ABOUT_IT = re.compile(
    r"\b(?:this|that|it|them|these|those|post\w*|shar\w*|repl\w*|respond\w*|comment\w*|delet\w*|remov\w*|report\w*|block\w*|"
    r"lik(?:e|ed|ing)|follow\w*|add\w*|accept\w*|messag\w*|dm\w*|screenshot\w*|account\w*|social media|online|photos?|pics?|"
    rf"videos?|contact\w*|friends?|join\w*|{_PLATFORM})\b")


def read(text: str) -> str:
    """The message with its sources read as "someone said", when the question does not ask about them."""
    if "?" not in text or _ABOUT_IT.search(question_part(text)):
        return text
    said = normalise(text)
    plain = _SOURCE.sub("someone said", said)
    return plain if plain != said else text
