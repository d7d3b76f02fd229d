"""👍 / 👎 count once: a repeated click on an answer card is thanked, not counted again."""


async def test_a_repeated_helpful_click_is_counted_once(bot):
    reply = await bot.send("c-once", "can i add a parent on facebook")
    helpful = reply.button("Helpful")
    first = await bot.send("c-once", value=helpful)
    assert "Thanks" in first.text
    for _ in range(3):
        again = await bot.send("c-once", value=helpful)
        assert "already told me" in again.text
    counts = await bot.services.qa.review.feedback_counts()
    assert [(c.clause_id, c.helpful, c.not_helpful) for c in counts] == [("personal.no_contact_parents_children", 1, 0)]
    other = await bot.send("c-other", value=helpful)  # another conversation (another person) still counts
    assert "Thanks" in other.text
