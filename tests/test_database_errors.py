"""Which database errors mean 'unavailable, try again' and which are bugs to raise."""
import sqlalchemy as sa

from store.database import unavailable


class DriverError(Exception):
    def __init__(self, sqlstate=None):
        super().__init__("driver error")
        self.sqlstate = sqlstate


def test_lost_connections_and_server_shutdown_are_unavailable():
    assert unavailable(ConnectionRefusedError())
    assert unavailable(sa.exc.OperationalError("SELECT 1", {}, DriverError()))
    assert unavailable(sa.exc.DBAPIError("SELECT 1", {}, DriverError("57P01")))  # admin shutdown
    assert unavailable(sa.exc.DBAPIError("SELECT 1", {}, DriverError("08006")))  # connection failure
    assert unavailable(sa.exc.DBAPIError("SELECT 1", {}, DriverError(), connection_invalidated=True))


def test_errors_in_the_statement_are_not_unavailable():
    assert not unavailable(sa.exc.IntegrityError("INSERT", {}, DriverError("23505")))
    assert not unavailable(sa.exc.DBAPIError("SELECT", {}, DriverError("42P01")))  # undefined table
    assert not unavailable(ValueError())
