"""Alembic environment: runs on the connection `db.migrate` hands over.

Run through `harmtrace.store.migrate`, which passes an open connection in
`config.attributes["connection"]`; no alembic.ini or URL is read here.
SQLite gets batch mode so later revisions can alter tables it cannot ALTER.
"""

from __future__ import annotations

from alembic import context

from harmtrace.errors import StoreError
from harmtrace.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise StoreError("migrations run through harmtrace.store.migrate(), which supplies the store")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
