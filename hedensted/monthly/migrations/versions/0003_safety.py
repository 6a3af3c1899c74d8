"""Login attempts (lockout in the database), switches between import versions,
and TRUNCATE refused on every append-only table on PostgreSQL.

Revision ID: 0003_safety
Revises: 0002_data_imports
Create Date: 2026-12-20

"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_safety"
down_revision: str | None = "0002_data_imports"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ATTEMPTS = "login_attempts"
SWITCHES = "data_import_switches"
IMPORT_TABLES = ("data_import_versions", "data_import_rollbacks")
REFUSAL = "Importerede versioner kan ikke ændres eller slettes – rul tilbage i stedet."
ATTEMPTS_REFUSAL = "Loginforsøg kan ikke ændres eller slettes."


def upgrade() -> None:
    op.create_table(
        ATTEMPTS,
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(200), nullable=False),
        sa.Column("address", sa.String(100), nullable=False),
        sa.Column("succeeded", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_login_attempts_user_address", ATTEMPTS, ["username", "address", "id"])
    op.create_table(
        SWITCHES,
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("dataset_id", sa.String(64), nullable=False),
        sa.Column("from_version", sa.Integer(), nullable=False),
        sa.Column("to_version", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("to_version >= 1", name="ck_switch_version_positive"),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table, refusal in ((SWITCHES, REFUSAL), (ATTEMPTS, ATTEMPTS_REFUSAL)):
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{refusal}'); END"
                )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION login_attempts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{ATTEMPTS_REFUSAL}'; END; $$"
        )
        functions = {SWITCHES: "data_import_append_only", ATTEMPTS: "login_attempts_append_only"}
        for table, function in functions.items():
            op.execute(
                f"CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
        for table in (*IMPORT_TABLES, SWITCHES, ATTEMPTS):
            function = functions.get(table, "data_import_append_only")
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
            )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in (SWITCHES, ATTEMPTS):
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
    elif dialect == "postgresql":
        for table in (*IMPORT_TABLES, SWITCHES, ATTEMPTS):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
        for table in (SWITCHES, ATTEMPTS):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}")
        op.execute("DROP FUNCTION IF EXISTS login_attempts_append_only()")
    op.drop_table(SWITCHES)
    op.drop_index("ix_login_attempts_user_address", table_name=ATTEMPTS)
    op.drop_table(ATTEMPTS)
