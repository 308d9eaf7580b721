"""The loader's plain-SQL reads of the id mapping (``importing.mapping``) give what the ORM's queries give, for
any source ids (hypothesis), on the database the run uses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.importing.mapping import CHUNK, mapped_ids, mapped_object
from masthead.importing.models import ImportedObject
from masthead.importing.records import Kind

ids = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(stored=st.dictionaries(st.tuples(st.sampled_from(["wordpress:a", "wordpress:b"]),
                                        st.sampled_from([Kind.COMMENT, Kind.ARTICLE]), ids),
                              st.tuples(st.integers(1, 2**40), ids), max_size=8),
       asked=st.lists(ids, max_size=8))
def test_the_plain_reads_give_what_the_orm_gives(stored: dict[tuple[str, str, str], tuple[int, str]],
                                                 asked: list[str]) -> None:
    ImportedObject.objects.all().delete()
    for (source, kind, source_id), (object_id, fingerprint) in stored.items():
        ImportedObject.objects.create(source=source, kind=kind, source_id=source_id, object_id=object_id,
                                      fingerprint=fingerprint)
    questions = asked + [source_id for _, _, source_id in stored]
    for source in ("wordpress:a", "wordpress:b"):
        for kind in (Kind.COMMENT, Kind.ARTICLE):
            orm = ImportedObject.objects.filter(source=source, kind=kind, source_id__in=questions)
            assert mapped_ids(source, kind, questions) == dict(orm.values_list("source_id", "object_id"))
            for source_id in questions:
                expected = ImportedObject.objects.filter(source=source, kind=kind, source_id=source_id).first()
                got = mapped_object(source, kind, source_id)
                assert (got is None) == (expected is None)
                if got is not None and expected is not None:
                    assert got == expected  # the same row
                    assert (got.source, got.kind, got.source_id, got.object_id, got.fingerprint) == (
                        expected.source, expected.kind, expected.source_id, expected.object_id,
                        expected.fingerprint)
                    assert got.created_at == expected.created_at  # deferred: read when asked for
                    assert got._state.adding is False
                    assert got._state.db == expected._state.db


@pytest.mark.django_db
def test_many_ids_are_asked_in_chunks() -> None:
    ImportedObject.objects.bulk_create(ImportedObject(source="s", kind="comment", source_id=str(n), object_id=n)
                                       for n in range(2 * CHUNK + 3))
    asked = [str(n) for n in range(2 * CHUNK + 10)]
    assert mapped_ids("s", Kind.COMMENT, asked) == {str(n): n for n in range(2 * CHUNK + 3)}
