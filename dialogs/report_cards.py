"""The report intake's cards: the danger question, each question, the guidance, the summary, the pickers."""
from __future__ import annotations

from cards import Button, CardView, Choice, Facts, Input, NumberedList, Quote, Text
from safeguarding import intake


def cancel_button() -> Button:
    return Button("Cancel", {"control": "cancel"})


def danger_card(state: dict, opening: tuple = ()) -> CardView:
    """The first question, on the card that opens the report (with what is known already)."""
    q = intake.BY_ID["danger"]
    buttons = tuple(Button(o.label, {"step": q.id, "answer": o.value}, style="destructive" if o.value == "yes"
                           else "default") for o in q.options)
    return CardView("Report a safeguarding concern", (*opening, Text(q.prompt, style="heading")),
                    (*buttons, cancel_button()), summary=q.prompt)


def position(state: dict) -> tuple[int, int]:
    """(this question's number, how many there are) given the answers so far."""
    answers = state["answers"]
    left = [q for q in intake.QUESTIONS if q.id not in answers and intake.applies(q, answers)]
    done = len(state["history"])
    return done + 1, done + max(len(left), 1)


def question_card(q: intake.Question, state: dict) -> CardView:
    if q.id == "danger":
        return danger_card(state)
    number, total = position(state)
    blocks: list = [Text(q.prompt)]
    if q.hint:
        blocks.append(Text(q.hint, style="subtle"))
    buttons = [Button(o.label, {"step": q.id, "answer": o.value}) for o in q.options]
    if q.kind != "choice" or q.free_text:
        blocks.append(Input("answer", q.label, "multiline" if q.kind in ("long", "evidence") else "text",
                            value=state["answers"].get(q.id, "") if state.get("editing") else ""))
        buttons.append(Button("Next", {"step": q.id}, style="positive"))
    buttons.append(cancel_button())
    title = f"Question {number} of {total}" if not state.get("editing") else f"Change: {q.label}"
    return CardView(title, tuple(blocks), tuple(buttons), summary=f"{title}: {q.prompt}")


def guidance_card(quotes: list[tuple[str, str]]) -> CardView:
    """What to do (and not do) right now, as one list; the policy's words behind Show more."""
    return CardView("Right now", (Text("While you report, and afterwards:", style="heading"),
                                  NumberedList(intake.GUIDANCE)),
                    summary="While you report: " + " ".join(intake.GUIDANCE),
                    more=(Text("What the policy says", style="heading"),
                          *(Quote(text, source) for text, source in quotes)),
                    more_label="What the policy says")


def summary_card(state: dict, recipients: str = "") -> CardView:
    """Everything the reporter said, to check, and who it will go to; Submit, change, cancel."""
    pairs = tuple(intake.summary_pairs(state["answers"]))
    goes_to = f"When you submit it, it goes to {recipients}." if recipients else \
        "When you submit it, it goes to the people who must be told."
    return CardView(
        "Check your report",
        (Text("Please check this is right. Nothing has been sent yet."), Facts(pairs), Text(goes_to),
         Text("Type **submit** to send it, **change** to change something, or **cancel**.", style="subtle")),
        (Button("Submit the report", {"action": "report.submit", "submission_id": state["sid"]}, style="positive"),
         Button("Change something", {"step": "summary", "answer": "change"}), cancel_button()),
        summary="Check your report, then submit it." + (f" It goes to {recipients}." if recipients else ""))


def changeable(state: dict) -> list[intake.Question]:
    return [q for q in intake.QUESTIONS if q.id in state["answers"] and intake.applies(q, state["answers"])]


def pick_card(state: dict) -> CardView:
    choices = changeable(state)
    return CardView("Which answer do you want to change?",
                    (Text("Pick one, or type its name."),
                     # not "answer": an input's value would replace the data of the same name
                     Input("pick", "Answer to change", "choice", tuple(Choice(q.label, q.id) for q in choices))),
                    (Button("Change it", {"step": "pick_change"}, style="positive"),
                     Button("Back to the summary", {"step": "pick_change", "answer": "summary"})),
                    summary="Which answer do you want to change? " + ", ".join(q.label for q in choices))


def confirm_card(kind: str) -> CardView:
    what = "start again" if kind == "restart" else "stop"
    return CardView(
        "Discard this report?",
        (Text(f"If you {what}, what you have typed so far will be thrown away. Nothing has been sent to anyone "
              "yet."),),
        (Button("Keep going", {"control": "keep"}, style="positive"),
         Button("Discard it", {"control": "discard"}, style="destructive")),
        summary="Discard this report? Answer discard or keep going.")
