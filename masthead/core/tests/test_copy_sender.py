"""``core.copy_sender``: inside ``sending()`` on PostgreSQL, ``insert_rows``' COPY batches are sent by a thread on
the same connection, and every later statement of the writer's thread sees them (or raises their failure)."""

from __future__ import annotations

import os
import threading

import psycopg
import pytest
from django.db import IntegrityError, connection, transaction

from masthead.core import copy_sender
from masthead.core.bulk_insert import COPY_FROM_ROWS, insert_rows, new_object, row_slot, row_values
from masthead.importing.models import ImportedObject

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="COPY batches are sent by a thread on PostgreSQL"),
]
COUNT = COPY_FROM_ROWS + 2  # a batch: sent with COPY


def mapping_rows(ids: list[str], source: str = "test:sender") -> list[list[object]]:
    template = row_values(new_object(ImportedObject, {"source": source, "kind": "comment", "source_id": "",
                                                      "object_id": 0}))
    at, value = row_slot(ImportedObject, "source_id")
    rows = []
    for sid in ids:
        row = template.copy()
        row[at] = value(sid)
        rows.append(row)
    return rows


def test_a_batch_is_sent_by_a_thread_and_seen_by_the_next_statement() -> None:
    with copy_sender.sending() as sender:
        assert sender is not None
        assert "copy-sender" in {thread.name for thread in threading.enumerate()}
        insert_rows(ImportedObject, mapping_rows([str(n) for n in range(COUNT)]))
        # The ORM's next statement, on the same connection, waits for the batch before it.
        assert ImportedObject.objects.filter(source="test:sender").count() == COUNT
    assert copy_sender.active() is None
    assert "copy-sender" not in {thread.name for thread in threading.enumerate()}


def test_a_failed_batch_is_raised_at_the_next_statement_and_those_after_it_are_dropped() -> None:
    def refused_then_more() -> None:
        with transaction.atomic():
            insert_rows(ImportedObject, mapping_rows(["a"] * COUNT))  # the same id twice: refused by the server
            insert_rows(ImportedObject, mapping_rows([f"b{n}" for n in range(COUNT)]))  # after it: not sent
            ImportedObject.objects.count()  # raises the batch's failure, as Django's error

    with copy_sender.sending():
        with pytest.raises(IntegrityError):
            refused_then_more()
        # The savepoint was rolled back with the failure: the connection goes on.
        insert_rows(ImportedObject, mapping_rows([f"c{n}" for n in range(COUNT)]))
        ids = set(ImportedObject.objects.filter(source="test:sender").values_list("source_id", flat=True))
    assert ids == {f"c{n}" for n in range(COUNT)}


def test_a_failure_is_dropped_when_its_savepoint_is_rolled_back_for_another_reason() -> None:
    def refused_then_another_error() -> None:
        with transaction.atomic():
            insert_rows(ImportedObject, mapping_rows(["a"] * COUNT))
            raise ValueError("elsewhere")  # the rollback to the savepoint waits for the batch, then undoes it

    with copy_sender.sending():
        with pytest.raises(ValueError, match="elsewhere"):
            refused_then_another_error()
        assert ImportedObject.objects.filter(source="test:sender").count() == 0


def test_the_end_of_the_block_raises_a_failure_no_statement_saw() -> None:
    with pytest.raises(IntegrityError), transaction.atomic(), copy_sender.sending():
        insert_rows(ImportedObject, mapping_rows(["a"] * COUNT))
    assert copy_sender.active() is None


def test_only_the_thread_that_opened_the_block_queues() -> None:
    with copy_sender.sending():
        seen: list[object] = []
        worker = threading.Thread(target=lambda: seen.append(copy_sender.active()))
        worker.start()
        worker.join()
        assert seen == [None]
        assert connection.vendor == "postgresql"


def test_a_release_after_batches_is_sent_after_them_and_kept_back_when_one_fails() -> None:
    with copy_sender.sending() as sender:
        assert sender is not None
        with transaction.atomic():
            savepoint = connection.savepoint_ids[-1]
            insert_rows(ImportedObject, mapping_rows(["a"] * COUNT))
        # The block ended without waiting: its release was queued after the batch, which the server refused.
        error = sender.wait()
        assert isinstance(error, psycopg.errors.UniqueViolation)
        connection.savepoint_rollback(savepoint)  # so the savepoint is still there to roll back to
        insert_rows(ImportedObject, mapping_rows([f"c{n}" for n in range(COUNT)]))
        assert ImportedObject.objects.filter(source="test:sender").count() == COUNT
