"""DATABASE_URL in the forms Azure Database for PostgreSQL gives, turned into asyncpg's terms."""
import pytest
import sqlalchemy as sa

from bot.settings import Settings, SettingsError


def url_for(tmp_path, database_url):
    return Settings.from_env({"DATA_DIR": str(tmp_path), "DATABASE_URL": database_url}).sqlalchemy_url


def test_libpq_sslmode_becomes_asyncpg_ssl(tmp_path):
    url = url_for(tmp_path, "postgresql://bot:s%40cret@guidance.postgres.database.azure.com:5432/guidance?sslmode=require")
    assert url == "postgresql+asyncpg://bot:s%40cret@guidance.postgres.database.azure.com:5432/guidance?ssl=require"


def test_connect_timeout_and_ssl_spelt_for_asyncpg_pass_through(tmp_path):
    assert url_for(tmp_path, "postgres://u@h/db?ssl=verify-full&connect_timeout=10") == \
        "postgresql+asyncpg://u@h/db?ssl=verify-full&timeout=10"


@pytest.mark.parametrize("query,problem", [("sslmode=on", "sslmode must be one of"),
                                           ("connect_timeout=soon", "number of seconds"),
                                           ("options=-csearch_path%3Dx", "unsupported parameter 'options'")])
def test_bad_parameters_stop_the_start_naming_database_url(tmp_path, query, problem):
    with pytest.raises(SettingsError) as caught:
        url_for(tmp_path, f"postgresql://u@h/db?{query}")
    assert caught.value.variable == "DATABASE_URL" and problem in str(caught.value)


@pytest.fixture
def tls_postgres():
    """A throwaway server that serves TLS, as Azure Database for PostgreSQL does."""
    from tests.support.postgres import ThrowawayPostgres, create_database

    server = ThrowawayPostgres(ssl=True)
    try:
        yield create_database(server.start())
    finally:
        server.stop()


async def test_sslmode_require_connects_over_tls(tls_postgres, tmp_path):
    from store import Database

    db = Database(url_for(tmp_path, tls_postgres + "?sslmode=require"))
    await db.start()
    try:
        async with db.transaction() as conn:
            used_tls = await conn.scalar(sa.text("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
        assert used_tls is True
    finally:
        await db.close()
