"""What the bot knows of people, read through People.accounts (the product's own lookup)."""
from __future__ import annotations


async def find_by_email(bot, email: str) -> list[tuple]:
    """(person, latest conversation reference) for each account known under an email (trusted only)."""
    return [(account.person, account.latest) for account in await bot.services.people.accounts(email=email)]


async def reference(bot, user_key: str):
    """The latest conversation reference kept for a user key, or None."""
    found = await bot.services.people.accounts(user_key=user_key)
    return found[0].latest if found else None
