"""Writes to the importing app's own tables: the id mapping and the old-address redirects."""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from masthead.core.bulk_insert import insert_all, insert_rows, new_object, row_slot, row_values
from masthead.importing.models import ImportedObject, Redirect

MAX_OLD_PATH = 500
LOOKUP_CHUNK = 500


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


def do_remember_many(source: str, kind: str, pairs: list[tuple[str, int]],
                     also: tuple[str, str, int, str] | None = None) -> None:
    """Remember many new objects of one kind at once (source id, object id): an article's comments. The caller
    knows none is remembered yet (it looked, in the same transaction). ``also``: one more new object, of any
    kind, as (kind, source id, object id, fingerprint), written first in the same insert (the comments'
    article: on PostgreSQL one COPY rather than a statement more)."""
    if not pairs:
        if also is not None:
            do_remember(source, also[0], also[1], also[2], also[3])
        return
    # One row made ready, then each pair's two values set in a copy of it: the rows differ in nothing else (their
    # times are the batch's, as the transaction's would be).
    template = row_values(new_object(ImportedObject, {"source": source, "kind": kind, "source_id": "",
                                                      "object_id": 0}))
    at_source_id, source_id_value = row_slot(ImportedObject, "source_id")
    at_object_id, object_id_value = row_slot(ImportedObject, "object_id")
    rows = []
    if also is not None:
        rows.append(row_values(new_object(ImportedObject, {"source": source, "kind": also[0], "source_id": also[1],
                                                           "object_id": also[2], "fingerprint": also[3]})))
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


def _refused(old_path: str, target: str) -> str:
    """Why an old address cannot redirect to ``target`` whatever the table holds ("" when it can)."""
    if len(old_path) > MAX_OLD_PATH:
        return f"the old address is longer than {MAX_OLD_PATH} characters"
    if old_path.rstrip("/") == target.rstrip("/"):
        return "the old address is the new one"
    return ""


ALREADY_REDIRECTS = "the old address already redirects"


def do_add_redirects(pairs: list[tuple[str, str]], source: str = "") -> list[str]:
    """Answer each old address with a 301 to its target, in order, with one lookup and one insert for them all.
    Returns, for each (old address, target), "" when it was added, else the reason it was not: an address already
    redirected keeps its first target (one given twice here too, as it would one at a time), and an address that is
    its target is refused. Chunked for SQLite's limit on query parameters."""
    paths = [normalise_old_path(old_address) for old_address, _ in pairs]
    reasons = [_refused(path, target) for path, (_, target) in zip(paths, pairs, strict=True)]
    wanted = sorted({path for path, reason in zip(paths, reasons, strict=True) if not reason})
    taken: set[str] = set()
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = wanted[start : start + LOOKUP_CHUNK]
        taken.update(Redirect.objects.filter(old_path__in=chunk).values_list("old_path", flat=True))
    new: list[Redirect] = []
    for n, (path, (_, target)) in enumerate(zip(paths, pairs, strict=True)):
        if reasons[n]:
            continue
        if path in taken:
            reasons[n] = ALREADY_REDIRECTS
            continue
        taken.add(path)
        new.append(Redirect(old_path=path, target=target, source=source))
    Redirect.objects.bulk_create(new, batch_size=LOOKUP_CHUNK)
    return reasons
