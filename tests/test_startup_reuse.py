"""Apps started in one test process reuse a loaded scenario book and contacts file, never a stale or bad one."""
import shutil
from pathlib import Path

import pytest

from app import create_app
from bot.features import report_config, scenarios
from bot.settings import Settings, SettingsError
from tests.support.kb import shipped_kb

EXAMPLE = Path(__file__).resolve().parents[1] / "config" / "contacts.example.yaml"
LEAD = "Priya Shah"  # the trust safeguarding lead in the example file


def test_the_scenario_book_is_loaded_once_and_a_given_directory_is_read_afresh():
    kb = shipped_kb()
    book = scenarios.load_scenarios(kb)
    assert scenarios.load_scenarios(kb) is book and len(book.scenarios) >= 8
    from policy_kb.scenarios.loader import DEFAULT_DIRECTORY

    again = scenarios.load_scenarios(kb, DEFAULT_DIRECTORY)
    assert again is not book and again == book


def test_a_contacts_file_is_reused_while_its_bytes_are_the_same(tmp_path):
    path = tmp_path / "contacts.yaml"
    shutil.copy(EXAMPLE, path)
    first = report_config.load_contacts(path)
    assert report_config.load_contacts(path) is first
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace(LEAD, "Pat Newlead"), encoding="utf-8")
    changed = report_config.load_contacts(path)
    assert changed.trust.safeguarding_lead.name == "Pat Newlead"
    assert first.trust.safeguarding_lead.name == LEAD


@pytest.mark.parametrize("breakage", ["missing", "not yaml", "no schools"])
def test_a_bad_contacts_file_stops_every_start_not_just_the_first(tmp_path, breakage):
    path = tmp_path / "contacts.yaml"
    shutil.copy(EXAMPLE, path)
    env = {"DATA_DIR": str(tmp_path), "CONTACTS_FILE": str(path)}
    create_app(Settings.from_env(env))  # a good file at this path first
    if breakage == "missing":
        path.unlink()
    elif breakage == "not yaml":
        path.write_text("trust: [unclosed\n", encoding="utf-8")
    else:
        path.write_text("trust: {}\nschools: []\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(SettingsError) as info:
            create_app(Settings.from_env(env))
        assert info.value.variable == "CONTACTS_FILE" and str(path) in str(info.value)
