"""Rendering caches the template output but hands each caller its own card."""
from cards import Button, CardView, Text, render_adaptive


def test_each_render_is_a_fresh_dict_and_different_views_differ():
    view = CardView("Title", (Text("one"),), (Button("Go", {"action": "x"}),))
    first = render_adaptive(view)
    first["msteams"] = {"width": "Full"}
    again = render_adaptive(view)
    assert "msteams" not in again and again["body"][1]["text"] == "one"
    other = render_adaptive(CardView("Title", (Text("two"),), (Button("Go", {"action": "y"}),)))
    assert other["body"][1]["text"] == "two" and other["actions"][0]["data"] == {"action": "y"}
