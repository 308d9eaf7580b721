"""Writes to the importing app's own tables: the id mapping and the old-address redirects."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from django.db import connection

from masthead.core.bulk_insert import insert_all, insert_rows, new_object, row_slot, row_values
from masthead.importing.models import ImportedObject, Redirect

MAX_OLD_PATH = 500


def do_remember(source: str, kind: str, source_id: str, object_id: int, fingerprint: str = "", *,
                new: bool = True) -> None:
    """Remember what a source object became. ``new``: the caller knows no row exists (it just looked, in the
    same transaction), so a plain insert; otherwise the row is updated (a changed record, a re-linked object)."""
    if new:  # one plain insert (``insert_all``: the ORM's create cost several times the statement)
        insert_all([new_object(ImportedObject, {"source": source, "kind": kind, "source_id": source_id,
                                                "object_id": object_id, "fingerprint": fingerprint})])
    else:
        ImportedObject.objects.update_or_create(
            source=source, kind=kind, source_id=source_id,
            defaults={"object_id": object_id, "fingerprint": fingerprint},
        )


def do_remember_many(source: str, kind: str, pairs: list[tuple[str, int]]) -> None:
    """Remember many new objects of one kind at once (source id, object id): an article's comments. The caller
    knows none is remembered yet (it looked, in the same transaction)."""
    if not pairs:
        return
    # One row made ready, then each pair's two values set in a copy of it: the rows differ in nothing else (their
    # times are the batch's, as the transaction's would be).
    template = row_values(new_object(ImportedObject, {"source": source, "kind": kind, "source_id": "",
                                                      "object_id": 0}))
    at_source_id, source_id_value = row_slot(ImportedObject, "source_id")
    at_object_id, object_id_value = row_slot(ImportedObject, "object_id")
    rows = []
    for source_id, object_id in pairs:
        row = template.copy()
        row[at_source_id], row[at_object_id] = source_id_value(source_id), object_id_value(object_id)
        rows.append(row)
    insert_rows(ImportedObject, rows)


def normalise_old_path(address: str) -> str:
    """The form redirects are stored and looked up in: the decoded path, plus the query string for the
    query-string addresses WordPress uses ("/?p=12"). A full URL keeps only its path and query."""
    parts = urlsplit(address.strip())
    path = unquote(parts.path) or "/"
    if not path.startswith("/"):
        path = "/" + path
    query = urlencode(parse_qsl(parts.query, keep_blank_values=True))  # one spelling: the middleware's
    return f"{path}?{query}" if query else path


def do_add_redirect(old_address: str, target: str, source: str = "") -> tuple[bool, str]:
    """Answer ``old_address`` with a 301 to ``target``. Returns (True, "") or (False, the reason it was not added):
    an address already redirected keeps its first target, and an address that is the target is refused.

    An import adds three or so per article: the check and the insert are one plain statement each (the ORM's
    query building cost several times the statements themselves)."""
    old_path = normalise_old_path(old_address)
    if len(old_path) > MAX_OLD_PATH:
        return False, f"the old address is longer than {MAX_OLD_PATH} characters"
    if old_path.rstrip("/") == target.rstrip("/"):
        return False, "the old address is the new one"
    quote = connection.ops.quote_name
    column = next(str(field.column) for field in Redirect._meta.concrete_fields if field.name == "old_path")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {quote(Redirect._meta.db_table)} "  # noqa: S608 (the model's names)
                       f"WHERE {quote(column)} = %s LIMIT 1", [old_path])
        if cursor.fetchone() is not None:
            return False, "the old address already redirects"
    insert_all([new_object(Redirect, {"old_path": old_path, "target": target, "source": source})])
    return True, ""
