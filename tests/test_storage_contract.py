"""botbuilder's own storage tests (StorageBaseTests) pass against SqlStorage on SQLite and PostgreSQL."""
import pytest

from bot.storage import MIGRATIONS, SqlStorage
from store import Database
from tests.support.storage_base_tests import StorageBaseTests

# Every test the class holds, so one botbuilder adds cannot be left out.
CHECKS = sorted(name for name, member in vars(StorageBaseTests).items() if isinstance(member, staticmethod))


@pytest.fixture
async def storage(database_url):
    database = Database(database_url, MIGRATIONS)
    await database.start()
    yield SqlStorage(database)
    await database.close()


def test_every_check_of_botbuilders_is_run():
    assert len(CHECKS) == 11 and "update_object" in CHECKS and "proceeds_through_waterfall" in CHECKS


@pytest.mark.parametrize("check", CHECKS)
async def test_botbuilder_storage_base_test(storage, check):
    assert await getattr(StorageBaseTests, check)(storage) is True
