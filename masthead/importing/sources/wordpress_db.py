"""WordPress's database: what wpDiscuz keeps in its own tables and a WXR export leaves out.

    masthead import wordpress-db DATABASE --host 127.0.0.1 --user wp --password-env WP_DB_PASSWORD [--prefix wp_]

Run it after the WXR import of the same site (``masthead import wordpress``): its records name the posts by their
WordPress ids, under the same source key (``wordpress:<home URL>``, read from the ``options`` table), so they find
the articles that import made.

Today it reads ``wc_comments_subscription``: each subscription confirmed there (``confirm = 1``) becomes an active
subscription here, without a mail: "post" (every new comment on the post) → *thread*; "all_comment" (replies
below the subscriber's comments) and "comment" (replies to one comment) → *replies* (replies to any of the
subscriber's comments on the article, the nearest Masthead has). Unconfirmed rows are skipped: their owners never
said yes. Rows are read with an unbuffered cursor, so memory does not grow with the table.

Not read, and why: ``wc_users_voted`` (the vote totals already come from the WXR's comment meta, and a voter is
a WordPress user id or an md5 of an IP address, which names no reader here), ``wc_follow_users`` (Masthead has no
following of people), ``wc_users_rated`` (no post ratings), ``wc_phrases`` (interface text).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

import pymysql
import pymysql.cursors

from masthead.importing.records import Record, Skipped, SubscriptionRecord
from masthead.importing.sources.base import ImportInputError, Source

_KINDS = {"post": "thread", "all_comment": "replies", "comment": "replies"}


class WordPressDatabaseSource(Source):
    name = "wordpress-db"
    help = "wpDiscuz's tables in the WordPress MySQL/MariaDB database (subscriptions); run after `wordpress`."
    path_is_file = False

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        super().__init__(path, options)
        self.database = str(path)
        self.prefix = str(options.get("prefix") or "wp_")
        if not self.prefix.replace("_", "").isalnum():
            raise ImportInputError(f"--prefix {self.prefix!r}: letters, digits and underscores only.")
        self.home = ""

    @classmethod
    def add_arguments(cls, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=3306)
        parser.add_argument("--user", default="root")
        parser.add_argument("--password-env", metavar="NAME",
                            help="The environment variable holding the password (never on the command line).")
        parser.add_argument("--prefix", default="wp_", help="WordPress's table prefix (default wp_).")

    def _connect(self, *, unbuffered: bool = False) -> Any:
        password_env = self.options.get("password_env")
        try:
            return pymysql.connect(
                host=str(self.options.get("host") or "127.0.0.1"), port=int(str(self.options.get("port") or 3306)),
                user=str(self.options.get("user") or "root"),
                password=os.environ.get(str(password_env), "") if password_env else "",
                database=self.database, charset="utf8mb4", connect_timeout=10,
                init_command="SET time_zone = '+00:00'",  # TIMESTAMP columns then read as UTC
                cursorclass=pymysql.cursors.SSCursor if unbuffered else pymysql.cursors.Cursor,
            )
        except pymysql.MySQLError as error:
            raise ImportInputError(f"database {self.database}: cannot connect ({error.args[-1]}).") from None

    def _table(self, name: str) -> str:
        return f"`{self.prefix}{name}`"

    @property
    def key(self) -> str:
        if not self.home:
            self.check()
        return f"wordpress:{self.home}"

    def check(self) -> None:
        connection = self._connect()
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT option_value FROM {self._table('options')} WHERE option_name = 'home'")  # noqa: S608 - the prefix is checked above
                row = cursor.fetchone()
                cursor.execute("SHOW TABLES LIKE %s", [f"{self.prefix}wc_comments_subscription"])
                has_subscriptions = cursor.fetchone() is not None
        except pymysql.MySQLError as error:
            raise ImportInputError(f"database {self.database}: not a WordPress database ({error.args[-1]}).") from None
        finally:
            connection.close()
        if row is None or not row[0]:
            raise ImportInputError(f"database {self.database}: no 'home' option: not a WordPress database.")
        if not has_subscriptions:
            raise ImportInputError(f"database {self.database}: no {self.prefix}wc_comments_subscription table "
                                   "(is wpDiscuz installed, and is --prefix right?).")
        self.home = str(row[0]).rstrip("/")

    def records(self) -> Iterator[Record]:
        self.check()
        connection = self._connect(unbuffered=True)
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT id, email, post_id, subscribtion_type, confirm, subscription_date "  # noqa: S608
                    f"FROM {self._table('wc_comments_subscription')} ORDER BY id"
                )
                for row_id, email, post_id, kind, confirm, when in cursor:
                    if kind not in _KINDS:
                        yield Skipped("subscription", str(row_id), f"unknown wpDiscuz subscription type {kind!r}")
                        continue
                    yield SubscriptionRecord(
                        source_id=f"wpdiscuz:{row_id}", article_source_id=str(post_id), email=str(email or ""),
                        kind=_KINDS[kind], confirmed=bool(confirm),
                        created_at=when.replace(tzinfo=UTC) if when is not None else None,
                    )
        finally:
            connection.close()
