"""The onboarding quiz on self-hosted Slack: Block Kit buttons and checkboxes drive a whole attempt."""
import json

import pytest

from tests.support.slack import FakeSlack, click_body, dm, event_body, sign

SECRET = "signing-secret-for-tests"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
async def slack():
    fake = await FakeSlack().start()
    yield fake
    await fake.close()


async def post(bot, body: str, content_type="application/json"):
    async with bot.session.post(bot.base_url + "/api/slack", data=body.encode(),
                                headers={"Content-Type": content_type, **sign(SECRET, body)}) as resp:
        assert resp.status == 200


def on_screen(bank, message):
    """The question a Block Kit message shows."""
    text = json.dumps(message["blocks"], ensure_ascii=False)
    (question,) = [q for q in bank.questions if json.dumps(q.prompt, ensure_ascii=False)[1:-1] in text]
    return question


async def test_a_whole_attempt_in_slack_ends_with_a_certificate(make_bot, slack):
    bot = await make_bot({"SLACK_BOT_TOKEN": slack.token, "SLACK_CLIENT_SIGNING_SECRET": SECRET,
                          "SLACK_VERIFICATION_TOKEN": "verify-me", "SLACK_API_URL": slack.api_url,
                          "QUIZ_QUESTIONS": "4"})
    slack.add_user("U5", "Gita Patel", "gita.patel@school-a.example.org")
    bank = bot.services.quiz.bank
    await post(bot, event_body(dm("quiz", user="U5", channel="D5")))
    await post(bot, click_body(slack.posted[-1], title="I have read the policy", user="U5"), FORM)
    for _ in range(4):
        message = slack.posted[-1]
        question = on_screen(bank, message)
        buttons = [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]
        if question.kind == "multi":
            ticked = [{"value": o} for o in sorted(question.correct_ids)]
            state = {"quiz_choice": {"quiz_choice": {"type": "checkboxes", "selected_options": ticked}}}
            await post(bot, click_body(message, title="Submit answer", user="U5", state=state), FORM)
        else:
            index = next(i for i, b in enumerate(buttons) if json.loads(b["value"])["option"] in question.correct_ids)
            await post(bot, click_body(message, action_index=index, user="U5"), FORM)
    await post(bot, click_body(slack.posted[-1], title="Submit all", user="U5"), FORM)
    text = " ".join(json.dumps(m["blocks"], ensure_ascii=False) for m in slack.posted[-3:])
    assert "4 out of 4 (100 %)" in text and "Certificate of completion" in text and "Gita Patel" in text
