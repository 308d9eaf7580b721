"""Hot read queries as prepared statements on PostgreSQL (core/prepared.py): the same rows as the plain query,
prepared once per connection, and prepared again when the server forgot the statement or refuses its old plan."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.test.utils import CaptureQueriesContext

from masthead.core import prepared

SQL = 'SELECT "username", "is_active" FROM "auth_user" WHERE "username" IN (%s, %s) ORDER BY "username"'


def _rows(name: str = "masthead_test_users") -> tuple[list[tuple[object, ...]], list[str]]:
    with CaptureQueriesContext(connection) as captured, connection.cursor() as cursor:
        prepared.execute(cursor, name, SQL, ["ada", "grace"])
        rows = [tuple(row) for row in cursor.fetchall()]
    return rows, [query["sql"] for query in captured]


@pytest.mark.django_db
def test_the_rows_of_the_plain_query_prepared_once_per_connection():
    User.objects.create_user("ada")
    User.objects.create_user("grace", is_active=False)
    User.objects.create_user("linus")
    first, sent = _rows()
    assert first == [("ada", True), ("grace", False)]
    again, sent_again = _rows()
    assert again == first
    if connection.vendor == "postgresql":
        assert [text.split()[0] for text in sent] == ["PREPARE", "EXECUTE"]
        assert [text.split()[0] for text in sent_again] == ["EXECUTE"]
    else:
        assert sent == sent_again == [SQL % ("'ada'", "'grace'")]


@pytest.mark.django_db
def test_a_statement_name_must_be_a_plain_name():
    with connection.cursor() as cursor, pytest.raises(ValueError, match="statement name"):
        prepared.execute(cursor, "x; DROP TABLE auth_user", SQL, ["ada", "grace"])


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="prepared statements are PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_statement_the_server_forgot_is_prepared_again():
    User.objects.create_user("ada")
    assert _rows()[0] == [("ada", True)]
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # as a pooler's reset does
    rows, sent = _rows()
    assert rows == [("ada", True)]
    assert [text.split()[0] for text in sent] == ["EXECUTE", "PREPARE", "EXECUTE"]

    # Inside a transaction the error has aborted it: it is raised, and the next use prepares again.
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    with pytest.raises(DatabaseError), transaction.atomic():
        _rows()
    rows, sent = _rows()
    assert rows == [("ada", True)]
    assert [text.split()[0] for text in sent] == ["PREPARE", "EXECUTE"]
