"""Play the quiz over the protocol: read the question off the card, answer right or wrong."""
from __future__ import annotations

LETTERS = "abcdefghij"


def cards(reply) -> list[dict]:
    return [att["content"] for act in reply.activities for att in act.get("attachments") or []
            if att.get("contentType") == "application/vnd.microsoft.card.adaptive"]


def question_card(reply) -> dict:
    found = [c for c in cards(reply) if c["body"][0]["text"].startswith("Question ") and " of " in c["body"][0]["text"]
             and not c["body"][0]["text"].endswith("feedback")]
    assert found, f"no question card in {reply.text[:300]!r}"
    return found[-1]


def shown(bank, reply):
    """(question, option order shown, data of the card's submit) for the question on screen."""
    card = question_card(reply)
    texts = {b.get("text") for b in card["body"]}
    (question,) = [q for q in bank.questions if q.prompt in texts]
    choice_sets = [b for b in card["body"] if b["type"] == "Input.ChoiceSet"]
    if choice_sets:
        order = [c["value"] for c in choice_sets[0]["choices"]]
        data = card["actions"][0]["data"]
    else:
        order = [a["data"]["option"] for a in card["actions"]]
        data = {k: v for k, v in card["actions"][0]["data"].items() if k != "option"}
    return question, order, data


async def answer(bot, conversation, bank, reply, right=True, typed=False, user="u1"):
    """Answer the question in `reply` (rightly or not, by click or by typing); return the next reply."""
    question, order, data = shown(bank, reply)
    if right:
        chosen = [o for o in order if o in question.correct_ids]
    else:
        chosen = [next(o for o in order if o not in question.correct_ids)]
    if typed:
        return await bot.send(conversation, ", ".join(LETTERS[order.index(o)] for o in chosen), user=user)
    if question.kind == "multi":
        return await bot.send(conversation, value={**data, "quiz_choice": ",".join(chosen)}, user=user)
    return await bot.send(conversation, value={**data, "option": chosen[0]}, user=user)


async def begin(bot, conversation, command="quiz", user="u1"):
    """Start a quiz and confirm having read the policy; return the first question's reply."""
    reply = await bot.send(conversation, command, user=user)
    return await bot.send(conversation, value=reply.button("I have read the policy"), user=user)
