"""``masthead import wordpress-db``: wpDiscuz's subscriptions read from a real MariaDB database made for the test,
after the WXR import of the same site."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pymysql
import pytest

from masthead.importing.tests.conftest import run_failing_import, run_import, snapshot
from masthead.importing.tests.wxr import wpdiscuz_site
from masthead.notifications.models import Delivery, Subscription

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
]
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
            cursor.execute("INSERT INTO wp_options (option_name, option_value) VALUES ('home', 'https://news.example/')")
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
