import pytest

from bot.settings import Settings, SettingsError


def test_defaults(tmp_path):
    s = Settings.from_env({"DATA_DIR": str(tmp_path)})
    assert (s.host, s.port, s.data_dir, s.auth_enabled) == ("127.0.0.1", 3978, tmp_path, False)
    assert s.sqlalchemy_url.startswith("sqlite+aiosqlite:///") and s.sqlalchemy_url.endswith("bot.db")


@pytest.mark.parametrize("env, variable", [
    ({"PORT": "http"}, "PORT"),
    ({"PORT": "70000"}, "PORT"),
    ({"MicrosoftAppType": "Anyone"}, "MicrosoftAppType"),
    ({"MicrosoftAppId": "abc"}, "MicrosoftAppPassword"),
    ({"MicrosoftAppId": "abc", "MicrosoftAppPassword": "x", "MicrosoftAppType": "SingleTenant"},
     "MicrosoftAppTenantId"),
    ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
    ({"MAX_BODY_BYTES": "lots"}, "MAX_BODY_BYTES"),
])
def test_bad_values_name_the_variable(tmp_path, env, variable):
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"DATA_DIR": str(tmp_path), **env})
    assert info.value.variable == variable
    assert variable in str(info.value)


def test_unwritable_data_dir_is_named(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(SettingsError) as info:
        Settings.from_env({"DATA_DIR": str(blocker / "sub")})
    assert info.value.variable == "DATA_DIR"


def test_postgres_url_is_made_async(tmp_path):
    s = Settings.from_env({"DATA_DIR": str(tmp_path), "DATABASE_URL": "postgresql://u:p@localhost/db"})
    assert s.sqlalchemy_url == "postgresql+asyncpg://u:p@localhost/db"


def test_explicit_argument_wins_over_environment(tmp_path):
    s = Settings.from_env({"DATA_DIR": str(tmp_path), "PORT": "4000"}, port=5000)
    assert s.port == 5000


@pytest.mark.parametrize("extra, variable", [
    ({"MicrosoftAppId": "11111111-2222-3333-4444-555555555555", "MicrosoftAppPassword": "x"}, "CONTACTS_FILE"),
    ({"DATABASE_URL": "postgresql://u@127.0.0.1:9/db"}, "CONTACTS_FILE"),
    ({"DATABASE_URL": "postgresql://u@127.0.0.1:9/db", "CONTACTS_FILE": "config/contacts.example.yaml"},
     "REPORT_ENCRYPTION_KEY"),
])
def test_a_deployment_must_name_its_contacts_and_report_key(tmp_path, monkeypatch, extra, variable):
    """No fictional contacts or per-machine keys once the bot is really deployed."""
    from app import create_app
    from bot.features import report_config

    monkeypatch.setattr(report_config, "DEFAULT_CONTACTS", tmp_path / "absent.yaml")
    settings = Settings.from_env({"DATA_DIR": str(tmp_path), **extra})
    with pytest.raises(SettingsError) as info:
        create_app(settings)
    assert info.value.variable == variable
