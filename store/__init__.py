"""Persistence shared by every feature: one SQLAlchemy async engine, versioned migrations.

SQLite under DATA_DIR is the default; PostgreSQL when DATABASE_URL is set. Plain Python: no
botbuilder imports here.
"""
from .database import Database, DatabaseError
from .migrations import Migration

__all__ = ["Database", "DatabaseError", "Migration"]
