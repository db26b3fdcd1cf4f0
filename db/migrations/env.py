"""Alembic environment: runs migrations on the connection or URL that db.migrate passes in."""

from alembic import context
from sqlalchemy import create_engine

from db.schema import metadata

config = context.config


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER much
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    engine = create_engine(config.get_main_option("sqlalchemy.url"), hide_parameters=True)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()
