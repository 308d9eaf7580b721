"""``masthead import wordpress-db``: wpDiscuz's subscriptions, feedback-form passages and voters read from a real
MariaDB database made for the test, after the WXR import of the same site."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pymysql
import pytest
from django.contrib.auth import get_user_model

from masthead.discussion.actions import do_vote
from masthead.discussion.imported import imported_reader_key
from masthead.discussion.models import Comment, Vote
from masthead.importing.models import ImportedObject
from masthead.importing.tests.conftest import run_failing_import, run_import, snapshot
from masthead.importing.tests.wxr import wpdiscuz_site
from masthead.notifications.models import Delivery, Subscription
from masthead.passages.models import PassageAnchor
from masthead.testing.discussion import reader

pytestmark = pytest.mark.django_db

MARIADB = {"host": os.environ.get("MASTHEAD_TEST_MARIADB_HOST", "127.0.0.1"), "port": 3306, "user": "root"}

# wpDiscuz 7.6's table, as its DBManager creates it (WPDISCUZ_FACTS.md), and WordPress's options table.
SCHEMA = [
    "CREATE TABLE wp_options (option_id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, option_name VARCHAR(191) "
    "NOT NULL UNIQUE, option_value LONGTEXT NOT NULL, autoload VARCHAR(20) NOT NULL DEFAULT 'yes')",
    "CREATE TABLE wp_wc_comments_subscription (id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) "
    "NOT NULL, subscribtion_id INT(11) NOT NULL, post_id INT(11) NOT NULL, subscribtion_type VARCHAR(20) NOT NULL, "
    "activation_key VARCHAR(32) NOT NULL, confirm TINYINT DEFAULT 0, subscription_date TIMESTAMP NOT NULL DEFAULT "
    "CURRENT_TIMESTAMP, imported_from VARCHAR(25) NOT NULL DEFAULT '', "
    "UNIQUE KEY subscribe_unique_index (subscribtion_id, email, post_id))",
    "CREATE TABLE wp_users (ID BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, user_login VARCHAR(60) NOT NULL, "
    "user_email VARCHAR(100) NOT NULL DEFAULT '')",
    "CREATE TABLE wp_commentmeta (meta_id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, comment_id BIGINT UNSIGNED "
    "NOT NULL DEFAULT 0, meta_key VARCHAR(255), meta_value LONGTEXT)",
    "CREATE TABLE wp_wc_users_voted (id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, user_id VARCHAR(255) NOT NULL, "
    "comment_id INT(11) NOT NULL, vote_type INT(11) DEFAULT NULL, is_guest TINYINT(1) DEFAULT 0, "
    "post_id BIGINT(20) UNSIGNED NOT NULL DEFAULT 0, date INT(11) UNSIGNED NOT NULL DEFAULT 0, KEY (comment_id))",
    "CREATE TABLE wp_wc_feedback_forms (id INT(11) NOT NULL AUTO_INCREMENT PRIMARY KEY, post_id INT(11) NOT NULL "
    "DEFAULT 0, unique_id VARCHAR(15) NOT NULL, question VARCHAR(255) NOT NULL, opened TINYINT(4) UNSIGNED NOT NULL "
    "DEFAULT 0, content LONGTEXT NOT NULL, UNIQUE KEY (unique_id), KEY (post_id))",
]
# 2021-03-05 12:00 as wpDiscuz writes it for a site in Berlin: the wall-clock time, as if it were UTC (11:00 UTC).
BERLIN_NOON = int(datetime(2021, 3, 5, 12, tzinfo=UTC).timestamp())
USERS = [(7, "ada", "Ada@Example.org"), (8, "reader", "reader@example.org"), (9, "member", "member@example.org")]
VOTES = [  # user_id, comment_id, vote_type, is_guest, post_id
    ("7", 501, 1, 0, 50),  # Ada, known by her address only
    ("9", 501, -1, 0, 50),  # a reader with a Masthead account at that address
    ("d41d8cd98f00b204e9800998ecf8427e", 501, 1, 1, 50),  # a guest: an md5 of an IP address
    ("8", 501, 1, 0, 50),  # the comment's own author (reader@example.org wrote every comment of the WXR)
    ("7", 502, 0, 0, 50),  # a vote taken back: not a vote
    ("7", 511, 1, 0, 51),
    ("404", 511, 1, 0, 51),  # a user gone from wp_users
    ("7", 999, 1, 0, 50),  # a comment the WXR did not have
]
FORMS = [  # id, post, unique id, question, passage
    (17, 50, "k2j4h5g6f7", "Is this figure right?", "The council approved a budget of 4.2 million"),
    (18, 50, "a1b2c3d4e5", "Were you there?", "Turnout at the hearing was low."),
    (30, 51, "zz9", "When?", "Work starts in <b>May</b>."),
    (31, 51, "yy8", "Which one?", "The bridge road closes for a year."),  # since removed from the post's text
]
FEEDBACK_META = [(503, "17"), (504, "18"), (505, "17"), (511, "30"), (512, "31")]
ROWS = [  # email, subscribtion_id, post_id, type, confirm, date
    ("reader@example.org", 50, 50, "post", 1, "2021-03-05 10:00:00"),
    ("unsure@example.org", 50, 50, "post", 0, "2021-03-05 11:00:00"),
    ("replies@example.org", 503, 50, "comment", 1, "2021-03-06 12:00:00"),
    ("all@example.org", 51, 51, "all_comment", 1, "2021-03-07 13:00:00"),
    ("gone@example.org", 99, 99, "post", 1, "2021-03-08 14:00:00"),  # a post not in the export
]


@pytest.fixture
def wordpress_database() -> Iterator[str]:
    name = f"masthead_test_wp_{uuid.uuid4().hex[:12]}"
    server = pymysql.connect(**MARIADB)
    try:
        with server.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
            cursor.execute(f"USE `{name}`")
            cursor.execute("SET time_zone = '+00:00'")
            for statement in SCHEMA:
                cursor.execute(statement)
            cursor.execute("INSERT INTO wp_options (option_name, option_value) VALUES ('home', 'https://news.example/'),"
                           " ('timezone_string', 'Europe/Berlin'), ('gmt_offset', '')")
            cursor.executemany("INSERT INTO wp_users (ID, user_login, user_email) VALUES (%s, %s, %s)", USERS)
            cursor.executemany(
                "INSERT INTO wp_wc_users_voted (user_id, comment_id, vote_type, is_guest, post_id, date) "
                "VALUES (%s, %s, %s, %s, %s, %s)", [(*row, BERLIN_NOON) for row in VOTES])
            cursor.executemany("INSERT INTO wp_wc_feedback_forms (id, post_id, unique_id, question, content) "
                               "VALUES (%s, %s, %s, %s, %s)", FORMS)
            cursor.executemany("INSERT INTO wp_commentmeta (comment_id, meta_key, meta_value) "
                               "VALUES (%s, 'wpdiscuz_feedback_form_id', %s)", FEEDBACK_META)
            cursor.executemany(
                "INSERT INTO wp_wc_comments_subscription (email, subscribtion_id, post_id, subscribtion_type, "
                "activation_key, confirm, subscription_date) VALUES (%s, %s, %s, %s, MD5(%s), %s, %s)",
                [(email, sid, post, kind, email, confirm, when) for email, sid, post, kind, confirm, when in ROWS],
            )
        server.commit()
        yield name
    finally:
        with server.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        server.close()


def test_confirmed_wpdiscuz_subscriptions_follow_the_wxr_import(tmp_path, wordpress_database):
    export = tmp_path / "site.xml"
    export.write_text(wpdiscuz_site(), encoding="utf-8")
    run_import("wordpress", str(export))

    output = run_import("wordpress-db", wordpress_database)

    rows = Subscription.objects.order_by("subscriber__email")
    found = [(s.subscriber.email, s.thread.article.slug if s.thread.article else None, s.kind, s.status) for s in rows]
    assert found == [
        ("all@example.org", "roadworks", "replies", "active"),
        ("reader@example.org", "budget-passes", "thread", "active"),
        ("replies@example.org", "budget-passes", "replies", "active"),
    ]
    assert rows.get(subscriber__email="reader@example.org").confirmed_at == datetime(2021, 3, 5, 10, tzinfo=UTC)
    assert "subscription x1: not confirmed at the source" in output
    assert "subscription x1: its article is not imported" in output
    assert not Delivery.objects.exists()  # no confirmation mail

    before = snapshot()
    again = run_import("wordpress-db", wordpress_database)
    assert snapshot() == before
    assert "subscription x3: already imported" in again
    assert "vote x3: already imported" in again
    assert "passage x5: already anchored" in again


def _comment(source_id: str) -> Comment:
    mapped = ImportedObject.objects.get(source="wordpress:https://news.example", kind="comment", source_id=source_id)
    return Comment.objects.get(pk=mapped.object_id)


def test_wpdiscuz_voters_are_carried_per_voter_and_guests_stay_in_the_totals(tmp_path, wordpress_database):
    export = tmp_path / "site.xml"
    export.write_text(wpdiscuz_site(), encoding="utf-8")
    run_import("wordpress", str(export))
    member = get_user_model().objects.create_user("member", "member@example.org", "pw-not-used")
    liked, roadworks = _comment("501"), _comment("511")
    assert (liked.upvotes, liked.downvotes, roadworks.upvotes) == (5, 2, 0)  # the WXR's meta

    output = run_import("wordpress-db", wordpress_database)

    votes = {(vote.comment_id, vote.voter_key, vote.value) for vote in Vote.objects.all()}
    assert votes == {
        (liked.pk, imported_reader_key("ada@example.org"), 1),
        (liked.pk, f"u:{member.pk}", -1),
        (roadworks.pk, imported_reader_key("ada@example.org"), 1),
    }
    assert {vote.created_at for vote in Vote.objects.all()} == {datetime(2021, 3, 5, 11, tzinfo=UTC)}
    liked.refresh_from_db()
    roadworks.refresh_from_db()
    # 501: the meta's 5 and 2 are above the table's 3 and 1, and stay; 511 had no meta: the table's 2 voters.
    assert (liked.upvotes, liked.downvotes, liked.score) == (5, 2, 3)
    assert (roadworks.upvotes, roadworks.downvotes, roadworks.score) == (2, 0, 2)
    assert "vote x2: a voter with no address" in output
    assert "vote x1: on the voter's own comment" in output
    assert "vote x1: its comment is not imported" in output
    # The reader with the account has the vote as theirs: casting it again changes nothing.
    again = do_vote(liked, reader("member", user_id=member.pk), -1)
    assert (again.my_vote, again.upvotes, again.downvotes) == (-1, 5, 2)

    before = snapshot()
    assert "vote x3: already imported" in run_import("wordpress-db", wordpress_database)
    assert snapshot() == before


def test_feedback_forms_anchor_the_comments_the_wxr_could_not_place(tmp_path, wordpress_database):
    export = tmp_path / "site.xml"
    export.write_text(wpdiscuz_site(), encoding="utf-8")
    run_import("wordpress", str(export))
    assert not PassageAnchor.objects.filter(comment__in=[_comment("511"), _comment("512")]).exists()
    before = {a.pk: (a.comment_id, a.exact, a.status) for a in PassageAnchor.objects.all()}

    output = run_import("wordpress-db", wordpress_database)

    when, which = PassageAnchor.objects.get(comment=_comment("511")), PassageAnchor.objects.get(comment=_comment("512"))
    assert (when.exact, when.status) == ("Work starts in May.", PassageAnchor.Status.EXACT)
    assert when.question is not None
    assert when.question.text == "When?"
    assert (which.exact, which.status) == ("The bridge road closes for a year.", PassageAnchor.Status.ORPHANED)
    assert "passage x3: already anchored" in output  # the budget's, placed by the WXR import, are left as they were
    assert {a.pk: (a.comment_id, a.exact, a.status) for a in PassageAnchor.objects.filter(pk__in=before)} == before


def test_a_database_that_is_not_wordpress_is_refused_clearly(wordpress_database):
    server = pymysql.connect(**MARIADB, database=wordpress_database)
    with server.cursor() as cursor:
        cursor.execute("DROP TABLE wp_wc_comments_subscription")
    server.close()
    _, error = run_failing_import("wordpress-db", wordpress_database)
    assert "no wp_wc_comments_subscription table" in error
    _, error = run_failing_import("wordpress-db", wordpress_database, "--prefix", "wp_x; DROP")
    assert "letters, digits and underscores only" in error
    _, error = run_failing_import("wordpress-db", "no_such_database_here")
    assert "cannot connect" in error
