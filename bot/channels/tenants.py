"""Which Microsoft 365 tenant a Teams activity comes from, and whether the trust vouches for it.

In Teams, a person's email comes from their tenant's directory: another organisation can give
one of its users any address it likes, the DSL's included. So an email (or an AAD object id)
counts as someone's identity only when the activity comes from one of the trust's tenants
(`Settings.trust_tenants`: TRUST_TENANT_IDS and MicrosoftAppTenantId). Outside Teams (web chat,
the Emulator, Slack) there is no tenant, and identity works as it always did.
"""
from __future__ import annotations

from dataclasses import dataclass

TEAMS = "msteams"
PERSONAL = "personal"


def tenant_of(activity) -> str:
    """The tenant of a Teams activity (conversation.tenantId, else channelData.tenant.id), lower case;
    '' when it has none, or when the two disagree (then it is trusted nowhere)."""
    conversation = activity.conversation
    from_conversation = (conversation.tenant_id or "") if conversation else ""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    tenant = data.get("tenant") if isinstance(data.get("tenant"), dict) else {}
    from_data = tenant.get("id") if isinstance(tenant.get("id"), str) else ""
    if from_conversation and from_data and from_conversation.lower() != from_data.lower():
        return ""
    return (from_conversation or from_data).lower()


def is_personal(activity) -> bool:
    """Whether a Teams activity comes from the person's 1:1 chat with the bot (never a group chat or channel)."""
    conversation = activity.conversation
    return (activity.channel_id == TEAMS and conversation is not None
            and conversation.conversation_type == PERSONAL and not conversation.is_group)


@dataclass(frozen=True)
class TenantPolicy:
    """The trust's tenants. Empty means every tenant counts: only for local development, since
    a deployed bot (MicrosoftAppId set) refuses to start without one (bot/features/report_config.py)."""

    trusted: frozenset[str] = frozenset()

    def trusts(self, channel_id: str | None, tenant: str) -> bool:
        """Whether identity from this channel and tenant counts (always, outside Teams)."""
        if channel_id != TEAMS or not self.trusted:
            return True
        return bool(tenant) and tenant.lower() in self.trusted
