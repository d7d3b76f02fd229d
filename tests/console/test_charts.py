"""The leaders' charts: the right counts for each role, only the schools each may see, and concern
counts for the DSLs, deputies, heads and trust leads alone."""
from __future__ import annotations

import pytest

from tests.support.console import (
    DSL,
    LEAD,
    OAKFIELD,
    OWNER,
    QUIZ_ADMIN,
    RIVERSIDE,
    ConsoleClient,
    console_bot,
    seed_figures,
    table_rows,
)


@pytest.fixture
async def seeded(make_bot):
    bot = await console_bot(make_bot)
    await seed_figures(bot)
    clients = []

    async def page_for(person, path="/console/charts"):
        client = ConsoleClient(bot)
        clients.append(client)
        await client.sign_in(person)
        return await client.get(path)

    yield bot, page_for
    for client in clients:
        await client.close()


def week_totals(rows: dict[str, list[str]]) -> list[int]:
    return [sum(int(cell or 0) for cell in cells) for cells in zip(*rows.values())]


async def test_a_quiz_admin_of_one_school_sees_that_school_and_no_concerns(seeded):
    _, page_for = seeded
    page = await page_for(QUIZ_ADMIN)
    assert table_rows(page.html, "quiz") == {OAKFIELD: ["1", "0", "0", "1"]}
    assert week_totals(table_rows(page.html, "questions")) == [1, 0]  # Ann's question; Cat is at Riverside
    assert RIVERSIDE not in page.html
    assert 'id="chart-concerns' not in page.html and 'id="chart-acknowledgement"' not in page.html
    assert 'id="chart-feedback"' not in page.html  # trust-wide figures, with no school in them
    assert "<svg" in page.html


async def test_a_dsl_sees_their_school_s_concerns_only(seeded):
    _, page_for = seeded
    page = await page_for(DSL)
    concerns = table_rows(page.html, "concerns-1")
    assert f"Concerns per week: {OAKFIELD}" in page.html and RIVERSIDE not in page.html
    assert week_totals(concerns) == [2]
    assert table_rows(page.html, "acknowledgement") == {OAKFIELD: ["2", "1", "30", "30", "1"]}


async def test_the_trust_lead_sees_every_school_s_concerns(seeded):
    _, page_for = seeded
    page = await page_for(LEAD)
    assert table_rows(page.html, "acknowledgement") == {OAKFIELD: ["2", "1", "30", "30", "1"],
                                                         RIVERSIDE: ["1", "0", "", "", "1"]}


async def test_a_policy_owner_sees_every_school_but_no_concerns(seeded):
    _, page_for = seeded
    page = await page_for(OWNER)
    assert table_rows(page.html, "quiz") == {OAKFIELD: ["1", "0", "0", "1"], RIVERSIDE: ["0", "1", "0", "0"]}
    assert week_totals(table_rows(page.html, "questions")) == [1, 1]
    feedback = table_rows(page.html, "feedback")
    assert list(feedback.values()) == [["1", "0"]]
    assert 'id="chart-concerns' not in page.html


async def test_csv_download_is_the_same_table(seeded):
    _, page_for = seeded
    csv_page = await page_for(QUIZ_ADMIN, "/console/charts/quiz.csv")
    assert csv_page.html.splitlines() == ["School,Passed,Failed,Not started,Overdue", f"{OAKFIELD},1,0,0,1"]
    refused = await page_for(QUIZ_ADMIN, "/console/charts/acknowledgement.csv")
    assert refused.status == 404
