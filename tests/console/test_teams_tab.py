"""The console as a personal tab of the Teams app, when CONSOLE_URL says where it is served."""
from __future__ import annotations

import pytest

from tests.channels.test_teams import BOT_ID
from tests.support.schemas import teams_manifest_validator
from tools import teams_package


def manifest(env: dict) -> dict:
    return teams_package.build_manifest(teams_package.TeamsApp.from_env({"MicrosoftAppId": BOT_ID, **env}), [])


def test_the_console_is_a_personal_tab_on_its_https_host():
    found = manifest({"CONSOLE_URL": "https://guidance.example.org/"})
    assert [e.message for e in teams_manifest_validator().iter_errors(found)] == []
    assert found["staticTabs"] == [{"entityId": "console", "name": "Console",
                                    "contentUrl": "https://guidance.example.org/console",
                                    "websiteUrl": "https://guidance.example.org/console", "scopes": ["personal"]}]
    assert "guidance.example.org" in found["validDomains"]


def test_without_console_url_there_is_no_tab():
    assert "staticTabs" not in manifest({})


def test_a_tab_must_be_https():
    with pytest.raises(teams_package.PackageError, match="CONSOLE_URL must be the https://"):
        manifest({"CONSOLE_URL": "http://guidance.example.org"})
