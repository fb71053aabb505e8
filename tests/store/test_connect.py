from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from harmtrace.errors import StoreError
from harmtrace.store import connect, counts, save_batch, session_factory


def test_sqlite_file_gets_its_folder_and_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "store.db"
    engine = connect(f"sqlite:///{path}")
    with engine.connect() as connection:
        pragmas = {
            name: connection.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("foreign_keys", "journal_mode", "busy_timeout")
        }
    engine.dispose()
    assert path.parent.is_dir()
    assert pragmas["foreign_keys"] == 1
    assert pragmas["journal_mode"] == "wal"
    assert pragmas["busy_timeout"] > 0


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("mysql://analyst:s3cret@db.example/harm", "mysql://analyst:***@db.example/harm"),
        # Port 1 on the loopback refuses at once: an unreachable server without waiting.
        ("postgresql://analyst:s3cret@127.0.0.1:1/harm", "analyst:***@127.0.0.1:1/harm"),
    ],
)
def test_unusable_url_is_named_without_its_password(url: str, shown: str) -> None:
    with pytest.raises(StoreError) as caught:
        connect(url)
    assert shown in str(caught.value)
    assert "s3cret" not in str(caught.value)


def test_text_that_is_no_url_is_refused_without_its_password() -> None:
    with pytest.raises(StoreError, match="not a database URL") as caught:
        connect("sql lite://analyst:s3cret@host/db")
    assert "sql lite://analyst:***@host/db" in str(caught.value)


def test_sqlite_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the folder"):
        connect(f"sqlite:///{blocker / 'store.db'}")


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database " * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        connect(f"sqlite:///{path}")


def test_unmigrated_store_refuses_writes(tmp_path: Path, make_item) -> None:
    engine = connect(f"sqlite:///{tmp_path / 'empty.db'}")
    with session_factory(engine)() as session, pytest.raises(StoreError, match="no such table"):
        save_batch(session, items=[make_item("b" * 12)])
    engine.dispose()


def test_save_needs_a_session_without_open_transaction(sessions, make_item) -> None:
    with sessions() as session:
        counts(session)
        with pytest.raises(StoreError, match="no open transaction"):
            save_batch(session, items=[make_item("c" * 12)])
        session.commit()
        assert save_batch(session, items=[make_item("c" * 12)]).reports_new == 1
