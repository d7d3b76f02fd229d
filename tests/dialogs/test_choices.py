import pytest

from dialogs.choices import Option, control_word, match_option

YES_NO = (Option("yes", "Yes"), Option("no", "No"))
ACCOUNTS = (Option("personal", "My personal account", ("my own account", "own", "private")),
            Option("trust", "A trust account", ("school account", "work account", "class account")))


@pytest.mark.parametrize("typed, expected", [
    ("yes", "yes"), ("Yeah", "yes"), ("yep!", "yes"), ("nope", "no"), ("nah", "no"), ("1", "yes"),
    ("2", "no"), ("b", "no"), ("No.", "no"),
])
def test_yes_no_typed(typed, expected):
    assert match_option(typed, YES_NO).value == expected


@pytest.mark.parametrize("typed, expected", [
    ("my own account", "personal"), ("it was the school account", "trust"), ("personal", "personal"),
    ("a trust acount", "trust"), ("2", "trust"), ("a", "personal"),
])
def test_labels_synonyms_and_typos(typed, expected):
    assert match_option(typed, ACCOUNTS).value == expected


@pytest.mark.parametrize("typed", ["", "purple", "7", "z", "what do you mean"])
def test_unclear_answers_give_none(typed):
    assert match_option(typed, ACCOUNTS) is None


@pytest.mark.parametrize("typed, word", [("cancel", "cancel"), ("Start over", "restart"), ("back", "back"),
                                         ("help!", "help"), ("I want to cancel my post", None)])
def test_control_words_only_when_the_whole_message(typed, word):
    assert control_word(typed) == word


def test_one_word_of_a_long_option_or_a_one_letter_synonym_is_not_a_close_spelling():
    report = Option("a", "Report it to the designated person for Child Protection")
    true = Option("t", "True", ("t", "true"))
    assert match_option("report", (report, Option("b", "Ignore it"))) is None  # the command, typed mid-quiz
    assert match_option("report", (true, Option("f", "False", ("f", "false")))) is None
    assert match_option("reprot it to the designated person for child protection", (report,)) == report
    assert match_option("ignor it", (report, Option("b", "Ignore it"))).value == "b"


def test_a_question_or_a_long_message_is_not_a_close_spelling_of_a_short_answer():
    read = (Option("yes", "I have read the policy", ("read", "i have read it", "start")), Option("no", "Show me the policy"))
    for typed in ("can i add a parent on facebook", "what if I retire next year?", "who is my dsl",
                  "my year 9 form tutor group has started a group chat"):
        assert match_option(typed, read) is None, typed
    assert match_option("i hav red it", read).value == "yes"

