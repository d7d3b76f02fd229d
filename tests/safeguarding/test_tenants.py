"""Identity by tenant and AAD object id, over the protocol: in Teams an email counts only from the
trust's tenants, contacts may be known by their AAD object id, and someone in another tenant whose
Teams profile email is the DSL's sees nothing."""
from pathlib import Path

import pytest

from app import create_app
from bot.settings import Settings, SettingsError
from safeguarding.contacts import ContactsError, load_contacts
from tests.safeguarding.helpers import (
    DEPUTY,
    DSL,
    VERBATIM,
    alerts_in,
    audit_actions,
    conv,
    file_report,
    online,
    reference_in,
    say,
    teams_bot,
)
from tests.safeguarding.test_access import commands
from tests.support.channel import OTHER_TENANT, TRUST_TENANT
from tests.support.people import find_by_email

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "contacts.example.yaml"
DSL_AAD = "3c0d9a51-7e2b-4f60-9d1a-2b3c4d5e6f70"
IMPOSTOR = ("29:impostor", DSL[1], DSL[2])  # another organisation's user, given the DSL's email there
TRUSTED = {"TRUST_TENANT_IDS": TRUST_TENANT}


def contacts_with_aad(tmp_path, ids: dict[str, str]) -> str:
    """The example contacts, with AAD object ids added for some of them (by email)."""
    text = EXAMPLE.read_text()
    for email, aad in ids.items():
        text = text.replace(f"email: {email},", f"email: {email}, aad_object_id: {aad},")
    path = tmp_path / "contacts.yaml"
    path.write_text(text)
    return str(path)


async def from_other_tenant(bot, person, text=None, value=None):
    return await bot.send(conv(person), text, value=value, user=person[0], tenant=OTHER_TENANT)


async def test_someone_in_another_tenant_with_the_dsls_email_sees_nothing_and_is_alerted_nothing(make_bot):
    bot = await teams_bot(make_bot, TRUSTED)
    await online(bot, DSL)
    bot.connector.add_member(*IMPOSTOR)
    await bot.send(conv(IMPOSTOR), type_="conversationUpdate", user=IMPOSTOR[0], tenant=OTHER_TENANT,
                   membersAdded=[{"id": IMPOSTOR[0]}, {"id": "bot"}])
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, DSL))
    for name, typed, click in commands(reference):
        for attempt in [typed] + ([click] if click else []):
            reply = await (from_other_tenant(bot, IMPOSTOR, attempt) if isinstance(attempt, str)
                           else from_other_tenant(bot, IMPOSTOR, value=attempt))
            shown = reply.text + str(reply.activities)
            assert "can't show you" in reply.text, (name, reply.text)
            assert reference not in shown, name
            assert VERBATIM not in shown and "Sam Patel" not in shown, name
    assert alerts_in(bot.connector, IMPOSTOR) == []
    meta = await bot.services.reports.store.meta(reference)
    assert meta.acknowledged_at is None and meta.status == "open"
    trail = await audit_actions(bot, reference)
    assert not [a for a, e in trail if a in ("view", "acknowledge", "note", "close", "export") and e != DSL[2]]
    impostor = (await bot.services.people.accounts(user_key=f"msteams:{IMPOSTOR[0]}"))[0].person
    assert (impostor.email, impostor.aad_object_id, impostor.trusted) == ("", "", False)
    assert [p.user_key for p, _ in await find_by_email(bot, DSL[2])] == [f"msteams:{DSL[0]}"]
    # The real DSL, in the trust's tenant, is unaffected.
    assert VERBATIM in (await say(bot, DSL, f"report view {reference}")).text


async def test_admin_lists_count_an_email_only_from_the_trusts_tenant(make_bot):
    bot = await teams_bot(make_bot, {**TRUSTED, "QA_ADMINS": DSL[2], "QUIZ_ADMINS": f"{DSL[2]}=*"})
    await online(bot, DSL)
    bot.connector.add_member(*IMPOSTOR)
    refused_qa = await from_other_tenant(bot, IMPOSTOR, "review questions")
    refused_quiz = await from_other_tenant(bot, IMPOSTOR, "quiz report")
    assert "only the policy reviewers" in refused_qa.text and "quiz admins" in refused_quiz.text
    assert "only the policy reviewers" not in (await say(bot, DSL, "review questions")).text
    assert "quiz admins" not in (await say(bot, DSL, "quiz report")).text


async def test_a_contact_known_by_aad_object_id_acts_as_that_contact_whatever_their_teams_email(make_bot, tmp_path):
    bot = await teams_bot(make_bot, {**TRUSTED, "CONTACTS_FILE": contacts_with_aad(tmp_path, {DSL[2]: DSL_AAD})})
    alias = ("29:dsl", DSL[1], "d.okafor@oakfield.example.org")  # the profile shows another address
    bot.connector.add_member(*alias, aad_object_id=DSL_AAD)
    await bot.channel.join(conv(alias), user=alias[0])
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    await bot.connector.wait_for(lambda c: alerts_in(c, alias))  # reached by object id, not by email
    assert reference in (await say(bot, alias, "reports")).text
    assert VERBATIM in (await say(bot, alias, f"report view {reference}")).text
    assert "Acknowledged" in (await say(bot, alias, f"report ack {reference}")).text
    assert ("acknowledge", DSL[2]) in await audit_actions(bot, reference)


async def test_a_contact_who_never_opened_the_bot_is_alerted_in_a_new_1to1_chat_by_object_id(make_bot, tmp_path):
    bot = await teams_bot(make_bot, {**TRUSTED, "CONTACTS_FILE": contacts_with_aad(tmp_path, {DSL[2]: DSL_AAD})})
    bot.connector.installed = {DSL_AAD}  # the app is installed for the DSL (a setup policy), not the deputy
    _, done = await file_report(bot)
    reference = reference_in(done.text)
    opened = (await bot.connector.wait_for(lambda c: c.created_for(DSL_AAD)))[0]
    assert opened["isGroup"] is False and opened["tenantId"] == TRUST_TENANT
    assert [m["id"] for m in opened["members"]] == [DSL_AAD]
    alert = await bot.connector.wait_for(lambda c: [a for a in c.inbox.get(opened["id"], []) if reference in str(a)])
    assert "Safeguarding alert" in str(alert[0])
    assert VERBATIM not in str(alert[0])
    deputy = [r for r in await bot.services.reports.outbox.rows() if r.recipient == DEPUTY[2]]
    assert deputy and deputy[0].status == "pending"  # no account, no object id: it waits for them


async def test_outside_teams_an_email_counts_as_before(make_bot):
    """Web chat, the Emulator and Slack have no tenant: identity works as it always did there."""
    from bot.channels.tenants import TenantPolicy

    policy = TenantPolicy(frozenset({TRUST_TENANT}))
    assert policy.trusts("slack", "") and policy.trusts("emulator", "") and policy.trusts("directline", "")
    assert policy.trusts("msteams", TRUST_TENANT.upper()) and not policy.trusts("msteams", OTHER_TENANT)
    assert not policy.trusts("msteams", "") and TenantPolicy().trusts("msteams", OTHER_TENANT)


@pytest.mark.parametrize("env, variable, words", [
    ({"TRUST_TENANT_IDS": "contoso"}, "TRUST_TENANT_IDS", "GUID"),
    ({"TRUST_TENANT_IDS": f"{TRUST_TENANT}, nope"}, "TRUST_TENANT_IDS", "'nope'"),
    ({"TEAMS_SERVICE_URL": "http://smba.example"}, "TEAMS_SERVICE_URL", "https://"),
    ({"PROACTIVE_PAUSE_MINUTES": "soon"}, "PROACTIVE_PAUSE_MINUTES", "number"),
])
def test_bad_tenant_settings_stop_the_start(tmp_path, env, variable, words):
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"DATA_DIR": str(tmp_path), **env})
    assert caught.value.variable == variable and words in caught.value.problem


def test_a_bot_registered_with_azure_must_name_the_trusts_tenant(tmp_path):
    azure = {"DATA_DIR": str(tmp_path), "MicrosoftAppId": "11111111-2222-3333-4444-555555555555",
             "MicrosoftAppPassword": "x", "CONTACTS_FILE": str(EXAMPLE),
             "REPORT_ENCRYPTION_KEY": "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}
    with pytest.raises(SettingsError) as caught:
        create_app(Settings.from_env(azure))
    assert caught.value.variable == "TRUST_TENANT_IDS" and "MicrosoftAppTenantId" in caught.value.problem
    single = Settings.from_env({**azure, "MicrosoftAppType": "SingleTenant", "MicrosoftAppTenantId": TRUST_TENANT.upper()})
    assert single.trust_tenants == frozenset({TRUST_TENANT})
    both = Settings.from_env({**azure, "TRUST_TENANT_IDS": f"{OTHER_TENANT},{TRUST_TENANT}"})
    assert both.trust_tenants == frozenset({TRUST_TENANT, OTHER_TENANT})
    create_app(both)


def test_contacts_may_give_an_aad_object_id_and_it_is_checked(tmp_path):
    directory = load_contacts(contacts_with_aad(tmp_path, {DSL[2]: DSL_AAD.upper()}))
    assert directory.contact_for(aad_object_id=DSL_AAD).email == DSL[2]
    assert directory.contact_for(email=DSL[2]).aad_object_id == DSL_AAD
    assert directory.contact_for(email="someone@oakfield.example.org") is None
    with pytest.raises(ContactsError, match="is not an object id"):
        load_contacts(contacts_with_aad(tmp_path, {DSL[2]: "daniel"}))
    with pytest.raises(ContactsError, match="is also given for"):
        load_contacts(contacts_with_aad(tmp_path, {DSL[2]: DSL_AAD, DEPUTY[2]: DSL_AAD}))
