"""``doimoi grant_app_role ROLE``: let an ordinary PostgreSQL role run the app, nothing more.

Run it as the owner of the tables, after every ``doimoi migrate``. The app's role may read and
write the app's tables, but only add to the ledger: no UPDATE, DELETE or TRUNCATE there, and,
not owning any table, it can neither disable the append-only trigger nor alter or drop a table.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from doimoi.ledger.models import LedgerEvent


def grant_statements(role: str) -> list[str]:
    quote = connection.ops.quote_name
    r, ledger = quote(role), quote(LedgerEvent._meta.db_table)
    return [
        f"GRANT CONNECT ON DATABASE {quote(connection.settings_dict['NAME'])} TO {r}",
        f"GRANT USAGE ON SCHEMA public TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {r}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {r}",
        f"REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {ledger} FROM {r}",
        f"GRANT SELECT, INSERT ON {ledger} TO {r}",
    ]


class Command(BaseCommand):
    help = (
        "Cấp quyền cho vai trò PostgreSQL của ứng dụng (chỉ ghi thêm vào sổ cái) / "
        "grant the app's PostgreSQL role what it needs, and only append to the ledger"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("role")

    def handle(self, *args: Any, **options: Any) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("PostgreSQL only (SQLite has no roles).")
        with connection.cursor() as cursor:
            for statement in grant_statements(options["role"]):
                cursor.execute(statement)
        self.stdout.write(f"{options['role']}: granted.")
