"""Opening a store: engines for SQLite and PostgreSQL, migrations, sessions.

SQLite is driven the way SQLAlchemy documents for real transactions: the
driver's own implicit BEGIN is switched off and we emit BEGIN ourselves, so
reads, DDL and writes of one transaction are atomic together. A session that
will write asks for `BEGIN IMMEDIATE` (execution option `WRITE_OPTION`), so a
second writer waits for the lock instead of failing halfway through a batch.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from harmtrace.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
WRITE_OPTION = "harmtrace_write"
BUSY_TIMEOUT_MS = 30_000
"""How long an SQLite writer waits for another writer's lock before failing."""
PG_CONNECT_TIMEOUT_S = 10
ANALYSIS_ROWS = 20_000
"""Rows SQLite samples per index when refreshing statistics: enough to tell a column
with six values from one with thousands, a few tens of milliseconds per 100k rows."""
POSTGRES_NAMES = ("postgresql", "postgres")
POSTGRES_DRIVER = "postgresql+psycopg"
USERINFO_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def connect(url: str) -> Engine:
    """An engine for `url`, checked by connecting once so a bad URL fails here."""
    parsed = _parse(url)
    sqlite = parsed.get_backend_name() == "sqlite"
    if sqlite:
        _make_parent_dir(parsed)
    try:
        engine = create_engine(parsed, **({} if sqlite else _postgres_options(parsed)))
    except (ImportError, ArgumentError) as exc:
        raise StoreError(f"cannot use store {safe_url(parsed)}: {exc}") from exc
    if sqlite:
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_begin)
    _check_reachable(engine)
    return engine


def migrate(engine_or_url: Engine | str) -> None:
    """Bring the store's schema to the newest revision; running it again does nothing."""
    engine = connect(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except (CommandError, SQLAlchemyError) as exc:
        raise StoreError(f"cannot migrate store {safe_url(engine.url)}: {reason(exc)}") from exc
    finally:
        if isinstance(engine_or_url, str):
            engine.dispose()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (callers get plain values)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def open_store(url: str) -> sessionmaker[Session]:
    """Sessions on the store at `url`, its schema brought to the newest revision first."""
    engine = connect(url)
    migrate(engine)
    return session_factory(engine)


def refresh_statistics(session: Session, tables: tuple[str, ...]) -> None:
    """Tell SQLite's planner again how the values of `tables` spread, after a large write.

    Without it SQLite takes any equality on an indexed column for a narrow one, and a
    map of one country sorts every incident there instead of walking the map's index.
    Sampling is bounded (`ANALYSIS_ROWS` per index), so this stays quick as the store
    grows. PostgreSQL's autovacuum keeps its statistics itself.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    try:
        with session.begin():
            connection = session.connection(execution_options={WRITE_OPTION: True})
            connection.exec_driver_sql(f"PRAGMA analysis_limit={ANALYSIS_ROWS}")
            for table in tables:
                connection.exec_driver_sql(f"ANALYZE {table}")
    except SQLAlchemyError as exc:
        raise StoreError(f"what was written is stored, but the statistics of {', '.join(tables)} "
                         f"were not refreshed: {reason(exc)}") from exc


def alembic_config() -> Config:
    """Alembic settings built in code, so no alembic.ini has to sit beside the store."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    return config


def safe_url(url: URL | str) -> str:
    """The URL as text with its password masked, for messages and logs."""
    if isinstance(url, str):
        try:
            url = make_url(url)
        except ArgumentError:
            return USERINFO_PASSWORD.sub(r"\1***@", url)
    return url.render_as_string(hide_password=True)


def reason(exc: BaseException) -> str:
    """The first line of the driver's message, without SQLAlchemy's trailer."""
    origin = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = str(origin).strip().splitlines()
    return lines[0] if lines else type(origin).__name__


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {safe_url(url)}") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed
    if backend in POSTGRES_NAMES:
        return _with_psycopg(parsed)
    raise StoreError(
        f"unsupported store {safe_url(parsed)}: use sqlite:///PATH or postgresql://..."
    )


def _with_psycopg(url: URL) -> URL:
    """Plain postgresql:// (and the postgres:// alias) mean psycopg 3, the driver we ship."""
    if url.get_backend_name() == "postgres" or url.drivername == "postgresql":
        return url.set(drivername=POSTGRES_DRIVER)
    return url


def _postgres_options(url: URL) -> dict[str, Any]:
    """Check pooled connections before use, and give up on a silent server in time."""
    connect_args = {} if "connect_timeout" in url.query else {
        "connect_timeout": PG_CONNECT_TIMEOUT_S
    }
    return {"pool_pre_ping": True, "connect_args": connect_args}


def _make_parent_dir(url: URL) -> None:
    database = url.database
    if not database or database == ":memory:" or url.query.get("uri"):
        return
    try:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder of {safe_url(url)}: {exc}") from exc


def _sqlite_on_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    writing = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _check_reachable(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except SQLAlchemyError as exc:
        engine.dispose()
        message = reason(exc)
        if engine.url.password:
            message = message.replace(str(engine.url.password), "***")
        raise StoreError(f"cannot open store {safe_url(engine.url)}: {message}") from exc
