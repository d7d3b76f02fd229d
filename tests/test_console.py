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
