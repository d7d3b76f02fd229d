"""`make chat`: the same app in a terminal, cards as text, buttons as numbers."""
import tools.chat as console


async def test_console_chat_shows_cards_as_text_and_clicks_numbered_buttons(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    lines = iter(["help", "1", "/quit"])
    typed = []

    async def scripted(prompt):
        line = next(lines)
        typed.append(line)
        return line

    monkeypatch.setattr(console, "read_line", scripted)
    clicked = []
    real_activity = console.Console.activity

    def spy(self, text=None, value=None, type_="message"):
        if value is not None:
            clicked.append(value)
        return real_activity(self, text, value, type_)

    monkeypatch.setattr(console.Console, "activity", spy)
    assert await console.main() == 0
    out = capsys.readouterr().out
    assert "Staff guidance: social media policy" in out
    assert "designated person for Child Protection" in out
    assert (tmp_path / "bot.db").exists()  # the same SQLite storage under DATA_DIR
    assert "  [1] " in out  # the help card's menu buttons are numbered
    assert clicked and "action" in clicked[0]  # typing 1 clicked the first one


def test_card_lines_flatten_text_facts_and_inputs():
    card = {"type": "AdaptiveCard", "body": [
        {"type": "TextBlock", "text": "Title"},
        {"type": "Container", "items": [{"type": "TextBlock", "text": "Inside"}]},
        {"type": "FactSet", "facts": [{"title": "Reference", "value": "R-1"}]},
        {"type": "Input.ChoiceSet", "id": "a", "label": "Account", "choices": [{"title": "Personal", "value": "p"}]},
    ]}
    assert console.card_lines(card) == ["Title", "Inside", "  Reference: R-1", "  [Account] (Personal)"]
    assert [i["id"] for i in console.card_inputs(card)] == ["a"]


def numbered_runs(lines: list[str]) -> list[list[int]]:
    """The numbers of each run of numbered lines ("1. ...", "2. ...") in the order printed."""
    import re

    runs: list[list[int]] = []
    for line in lines:
        found = re.match(r"^\s*(\d+)\. ", line)
        if not found:
            continue
        n = int(found.group(1))
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


async def test_make_chat_prints_every_list_numbered_1_2_3_on_lines_of_their_own(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DATA_DIR", str(tmp_path))
    lines = iter(["report", "no", "cancel", "a year 8 kid messaged me on insta, walk me through it", "my own account", "yes",
                  "/quit"])

    async def scripted(prompt):
        return next(lines)

    monkeypatch.setattr(console, "read_line", scripted)
    assert await console.main() == 0
    out = capsys.readouterr().out
    assert "\r" not in out and "**" not in out and "\u200b" not in out
    printed = out.splitlines()
    right_now = printed.index("Right now")
    assert printed[right_now + 2:right_now + 6] == [  # all four instructions, none overwritten
        "1. Don't reply to the child, and don't delete anything.",
        "2. Screenshot what you saw, with the name, date and platform showing.",
        "3. Never view, copy or forward sexual images of a child. Tell the DSL now instead.",
        "4. Don't investigate, confront anyone, or promise to keep it secret."]
    assert "Type cancel at any time" in out  # was "**cancel**"
    outcome = printed.index("Report it to the designated person for Child Protection now")
    steps = numbered_runs(printed[outcome:])
    assert steps[0] == list(range(1, 8)), steps  # the seven steps, numbered once each
    assert all(run[0] == 1 for run in numbered_runs(printed)), numbered_runs(printed)
