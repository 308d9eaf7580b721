"""WordPress's database: what wpDiscuz keeps in its own tables and a WXR export leaves out.

    masthead import wordpress-db DATABASE --host 127.0.0.1 --user wp --password-env WP_DB_PASSWORD [--prefix wp_]

Run it after the WXR import of the same site (``masthead import wordpress``): its records name posts and comments
by their WordPress ids, under the same source key (``wordpress:<home URL>``, read from the ``options`` table), so
they find the articles and comments that import made. It reads, each row once with an unbuffered cursor (memory
does not grow with the tables):

- ``wc_comments_subscription``: each subscription confirmed there (``confirm = 1``) becomes an active
  subscription here, without a mail: "post" (every new comment on the post) → *thread*; "all_comment" (replies
  below the subscriber's comments) and "comment" (replies to one comment) → *replies* (replies to any of the
  subscriber's comments on the article, the nearest Masthead has). Unconfirmed rows are skipped: their owners
  never said yes.
- ``wc_feedback_forms`` with the comments' ``wpdiscuz_feedback_form_id`` meta: the passage each inline-feedback
  comment was written about, which a WXR does not carry (it guesses from the order of the post's shortcodes, and
  keeps the comment unanchored when it cannot). A top-level comment without an anchor yet is anchored to it.
- ``wc_users_voted``: one row per voter per comment. A member's vote (``is_guest = 0``: ``user_id`` is their
  WordPress user id) is carried as that reader's own, by the address in ``users``: a Masthead account with that
  address if there is one, else the address's imported-reader key (the key the comments they wrote carry). A
  guest's vote (``user_id`` is an md5 of their IP address, which names nobody) stays an anonymous vote in the
  comment's totals, as with the WXR alone. The totals are raised to the table's counts where the WXR's meta was
  lower (never lowered). ``vote_type`` 0 (a vote taken back) is not a vote. Dates are wpDiscuz's
  ``current_time("timestamp")``, Unix time plus the site's offset: the offset (``timezone_string``, else
  ``gmt_offset``) is taken off.

Not read, and why: ``wc_follow_users`` (Masthead has no following of people), ``wc_users_rated`` (no post
ratings), ``wc_phrases`` (interface text). The tables a wpDiscuz version lacks (older ones have no feedback forms)
are reported and passed over.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pymysql
import pymysql.cursors

from masthead.importing.markup import html_to_plain
from masthead.importing.records import (
    CommentPassage,
    CommentVotes,
    PassageQuote,
    Record,
    Skipped,
    SubscriptionRecord,
    VoteRecord,
)
from masthead.importing.sources.base import ImportInputError, Source

_KINDS = {"post": "thread", "all_comment": "replies", "comment": "replies"}
_OPTIONAL = ("wc_users_voted", "wc_feedback_forms", "users", "commentmeta")


class WordPressDatabaseSource(Source):
    name = "wordpress-db"
    help = ("wpDiscuz's tables in the WordPress MySQL/MariaDB database (subscriptions, feedback-form passages, "
            "voters); run after `wordpress`.")
    path_is_file = False

    def __init__(self, path: Path, options: dict[str, object]) -> None:
        super().__init__(path, options)
        self.database = str(path)
        self.prefix = str(options.get("prefix") or "wp_")
        if not self.prefix.replace("_", "").isalnum():
            raise ImportInputError(f"--prefix {self.prefix!r}: letters, digits and underscores only.")
        self.home = ""
        self.tables: set[str] = set()  # the optional tables present (without the prefix)
        self.zone: ZoneInfo | None = None
        self.offset = timedelta(0)

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
                cursor.execute(f"SELECT option_name, option_value FROM {self._table('options')} "  # noqa: S608 - the prefix is checked above
                               "WHERE option_name IN ('home', 'timezone_string', 'gmt_offset')")
                options = {str(name): str(value or "") for name, value in cursor.fetchall()}
                cursor.execute("SHOW TABLES LIKE %s", [f"{self.prefix}wc_comments_subscription"])
                has_subscriptions = cursor.fetchone() is not None
                self.tables = set()
                for table in _OPTIONAL:
                    cursor.execute("SHOW TABLES LIKE %s", [f"{self.prefix}{table}"])
                    if cursor.fetchone() is not None:
                        self.tables.add(table)
        except pymysql.MySQLError as error:
            raise ImportInputError(f"database {self.database}: not a WordPress database ({error.args[-1]}).") from None
        finally:
            connection.close()
        if not options.get("home"):
            raise ImportInputError(f"database {self.database}: no 'home' option: not a WordPress database.")
        if not has_subscriptions:
            raise ImportInputError(f"database {self.database}: no {self.prefix}wc_comments_subscription table "
                                   "(is wpDiscuz installed, and is --prefix right?).")
        self.home = options["home"].rstrip("/")
        self.zone, self.offset = _site_zone(options.get("timezone_string", ""), options.get("gmt_offset", ""))

    def records(self) -> Iterator[Record]:
        self.check()
        yield from self._subscriptions()
        if {"wc_feedback_forms", "commentmeta"} <= self.tables:
            yield from self._passages()
        else:
            yield Skipped("passage", self.database, f"no {self.prefix}wc_feedback_forms table (wpDiscuz before 7)")
        if "wc_users_voted" in self.tables:
            yield from self._votes()
        else:
            yield Skipped("vote", self.database, f"no {self.prefix}wc_users_voted table: the WXR's totals stay")

    def _rows(self, query: str) -> Iterator[tuple[Any, ...]]:
        connection = self._connect(unbuffered=True)
        try:
            with connection.cursor() as cursor:
                cursor.execute(query)
                yield from cursor
        finally:
            connection.close()

    def _subscriptions(self) -> Iterator[Record]:
        for row_id, email, post_id, kind, confirm, when in self._rows(
            "SELECT id, email, post_id, subscribtion_type, confirm, subscription_date "  # noqa: S608
            f"FROM {self._table('wc_comments_subscription')} ORDER BY id"
        ):
            if kind not in _KINDS:
                yield Skipped("subscription", str(row_id), f"unknown wpDiscuz subscription type {kind!r}")
                continue
            yield SubscriptionRecord(
                source_id=f"wpdiscuz:{row_id}", article_source_id=str(post_id), email=str(email or ""),
                kind=_KINDS[kind], confirmed=bool(confirm),
                created_at=when.replace(tzinfo=UTC) if when is not None else None,
            )

    def _passages(self) -> Iterator[Record]:
        """Each inline-feedback comment with its form's passage (the form's row, joined on the comment's meta)."""
        for comment_id, passage, question in self._rows(
            "SELECT m.comment_id, f.content, f.question "  # noqa: S608
            f"FROM {self._table('commentmeta')} m JOIN {self._table('wc_feedback_forms')} f "
            "ON f.id = CAST(m.meta_value AS UNSIGNED) "
            "WHERE m.meta_key = 'wpdiscuz_feedback_form_id' ORDER BY m.comment_id, m.meta_id"
        ):
            yield CommentPassage(str(comment_id), PassageQuote(html_to_plain(str(passage or "")[:200_000]),
                                                               html_to_plain(str(question or ""))))

    def _votes(self) -> Iterator[Record]:
        """One ``CommentVotes`` per comment, its voters' rows read in comment order (one comment held at once)."""
        users = "users" in self.tables
        email = "u.user_email" if users else "''"
        join = (f"LEFT JOIN {self._table('users')} u ON v.is_guest = 0 AND v.user_id REGEXP '^[0-9]+$' "
                "AND u.ID = CAST(v.user_id AS UNSIGNED)") if users else ""
        current: CommentVotes | None = None
        for comment_id, value, address, when in self._rows(
            f"SELECT v.comment_id, v.vote_type, {email}, v.date FROM {self._table('wc_users_voted')} v "  # noqa: S608
            f"{join} WHERE v.vote_type IN (1, -1) ORDER BY v.comment_id, v.id"
        ):
            if current is None or current.comment_source_id != str(comment_id):
                if current is not None:
                    yield current
                current = CommentVotes(str(comment_id))
            current.votes.append(VoteRecord(int(value), email=str(address or "").strip(), created_at=self._when(when)))
        if current is not None:
            yield current

    def _when(self, stamp: object) -> datetime | None:
        """wpDiscuz's ``current_time("timestamp")``: the site's wall-clock time written as if it were UTC."""
        try:
            seconds = int(str(stamp))
        except ValueError:
            return None
        if seconds <= 0:
            return None
        try:
            wall = datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
        if self.zone is not None:
            return wall.replace(tzinfo=self.zone).astimezone(UTC)
        return wall - self.offset


def _site_zone(name: str, offset: str) -> tuple[ZoneInfo | None, timedelta]:
    """WordPress's time zone setting: a zone name (``timezone_string``), else a fixed offset in hours."""
    if name.strip():
        try:
            return ZoneInfo(name.strip()), timedelta(0)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        hours = float(offset) if offset.strip() else 0.0
    except ValueError:
        hours = 0.0
    return None, timedelta(hours=hours if abs(hours) <= 14 else 0.0)
