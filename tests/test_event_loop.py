"""`python app.py` serves on uvloop unless UVLOOP=0; a bad value stops start-up naming it."""
from __future__ import annotations

import pytest
import uvloop

from app import event_loop
from bot.settings import Settings, SettingsError


def test_uvloop_by_default():
    loop = event_loop(Settings.from_env({}))
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()


@pytest.mark.parametrize("value", ["0", "off", "false"])
def test_uvloop_off_gives_asyncios_own_loop(value):
    assert event_loop(Settings.from_env({"UVLOOP": value})) is None


def test_a_bad_value_names_the_setting():
    with pytest.raises(SettingsError, match="UVLOOP"):
        event_loop(Settings.from_env({"UVLOOP": "maybe"}))
