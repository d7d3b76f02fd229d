"""What every renderer does with a card: one list numbered 1, 2, 3, "Show more", a source said once,
rows that never squeeze a word, and plain text with real lines and no markdown."""
import json
from dataclasses import replace

from cards import Button, CardView, Facts, Input, NumberedList, Quote, Text, render_adaptive, render_text
from cards.blockkit import render_blocks
from cards.parts import quoted
from tests.support.schemas import adaptive_card_errors
from tools.chat import card_lines

VIEW = CardView(
    "Right now",
    (Text("Type **cancel** to stop."), NumberedList(("Don't reply.", "Screenshot it.", "Tell the DSL."))),
    (Button("Report it", {"action": "report.start"}),),
    summary="Right now",
    more=(Quote("Staff will not accept requests.", "Policy, Personal use"),
          Quote("Staff will report contact.", "Policy, Personal use"),
          Facts((("Platform", "Snapchat"),))),
)


def walk(element):
    yield element
    for key in ("body", "items", "columns"):
        for child in element.get(key, []):
            yield from walk(child)


def test_a_numbered_list_is_one_element_numbered_in_its_text():
    body = render_adaptive(VIEW)["body"]
    lists = [e for e in body if e["type"] == "Container" and "id" not in e]
    assert len(lists) == 1
    rows = lists[0]["items"]
    assert [r["columns"][0]["items"][0]["text"] for r in rows] == ["1.\u200b", "2.\u200b", "3.\u200b"]
    assert rows[1]["columns"][1]["items"][0]["text"] == "Screenshot it."


def test_show_more_hides_the_detail_behind_a_toggle_that_also_hides_itself():
    card = render_adaptive(VIEW)
    assert adaptive_card_errors(card) is None
    show, more = card["body"][-2:]
    assert show["type"] == "ActionSet" and show["actions"][0]["type"] == "Action.ToggleVisibility"
    assert show["actions"][0]["title"] == "Show more"
    assert set(show["actions"][0]["targetElements"]) == {"more", "more.show"} == {show["id"], more["id"]}
    assert more["isVisible"] is False
    hidden = json.dumps(more, ensure_ascii=False)
    assert "Staff will not accept requests." in hidden and "Snapchat" in hidden
    assert more["items"][-1]["actions"][0]["title"] == "Show less"
    assert "Staff will not" not in json.dumps(card["body"][:-1], ensure_ascii=False)
    no_more = render_adaptive(replace(VIEW, more=()))
    assert not any(e.get("id") == "more" for e in no_more["body"])


def test_quotes_from_one_source_are_boxed_together_with_the_source_once():
    text = json.dumps(render_adaptive(VIEW), ensure_ascii=False)
    assert text.count("Policy, Personal use") == 1
    assert render_text(VIEW).count("Policy, Personal use") == 1
    assert json.dumps(render_blocks(VIEW), ensure_ascii=False).count("Policy, Personal use") == 1
    other = replace(VIEW, more=(Quote("a", "S1"), Quote("b", "S2"), Quote("c", "S1")))
    assert render_text(other).count("S1") == 2  # not consecutive: each keeps its source


def test_facts_are_rows_with_a_fixed_share_for_the_title_so_no_word_is_squeezed():
    card = render_adaptive(CardView("t", (Facts((("Member of staff concerned", "Colin"), ("When", "today"))),)))
    rows = card["body"][1]["items"]
    assert all(r["type"] == "ColumnSet" and r["columns"][0]["width"] == 2 for r in rows)
    assert [r["columns"][0]["items"][0]["text"] for r in rows] == ["Member of staff concerned", "When"]
    assert not any(e["type"] == "FactSet" for e in walk(card))


def test_a_line_that_starts_like_a_list_item_stays_as_written():
    card = render_adaptive(CardView("t", (Text("2. Screenshot it"), Text("Year 9. Fine")),
                                    more=(Input("s", "Situation", "choice"),)))
    assert card["body"][1]["text"] == "2.\u00a0Screenshot it"
    assert card["body"][2]["text"] == "Year 9. Fine"


def test_choice_labels_wrap_instead_of_being_cut_off():
    from cards import Choice

    card = render_adaptive(CardView("t", (Input("s", "Situation", "choice", (Choice("1. A long one", "a"),)),
                                          Input("p", "Platform", "dropdown", (Choice("Snap", "s"),)))))
    radio, dropdown = card["body"][1:]
    assert radio["wrap"] is True and radio["style"] == "expanded"
    assert radio["choices"][0]["title"] == "1.\u00a0A long one"
    assert dropdown["style"] == "compact"
    assert adaptive_card_errors(card) is None


def test_plain_text_has_real_lines_no_markdown_and_the_more_part_under_a_heading():
    text = render_text(VIEW)
    assert "\r" not in text and "**" not in text
    lines = text.splitlines()
    assert lines[:5] == ["Right now", "Type cancel to stop.", "1. Don't reply.", "2. Screenshot it.",
                         "3. Tell the DSL."]
    assert lines.index("More:") < lines.index(quoted("Staff will not accept requests."))
    assert "Platform: Snapchat" in lines and lines[-1] == "  [1] Report it"


def test_block_kit_puts_the_more_part_after_a_divider_and_a_more_heading():
    blocks = render_blocks(VIEW)
    types = [b["type"] for b in blocks]
    divider = types.index("divider")
    assert "*More*" in json.dumps(blocks[divider + 1])
    assert "Staff will not accept" in json.dumps(blocks[divider + 2:])
    assert "1. Don't reply.\n2. Screenshot it.\n3. Tell the DSL." in json.dumps(blocks[:divider], ensure_ascii=False) \
        .replace("\\n", "\n")


def test_make_chat_prints_each_line_once_with_numbers_and_no_asterisks():
    lines = card_lines(render_adaptive(VIEW))
    assert lines[:5] == ["Right now", "Type cancel to stop.", "1. Don't reply.", "2. Screenshot it.",
                         "3. Tell the DSL."]
    assert "More:" in lines and "Platform: Snapchat" in lines
    assert not any("**" in line or "\r" in line or "\u200b" in line for line in lines)
