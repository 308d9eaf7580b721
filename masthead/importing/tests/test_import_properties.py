"""Generated WXR exports: random reply trees (forward references, missing parents, cycles, replies to themselves,
duplicate ids across posts), random text, three encodings, and some files with bytes not in their declared encoding.
The import never crashes, never leaves a partial tree (every comment sits under the parent the export gave it,
when that parent was imported, else at the top level), and a second run changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.discussion.models import Comment, path_segment
from masthead.importing.models import ImportedObject
from masthead.importing.sources.base import ImportInputError
from masthead.importing.tests.conftest import load_wordpress, snapshot, table_counts
from masthead.importing.tests.wxr import WxrComment, WxrPost, wxr

pytestmark = pytest.mark.django_db

# XML 1.0 cannot carry control characters or lone surrogates at all; everything else may appear.
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff") | st.just("\n"),
               max_size=40)
IDS = st.integers(min_value=1, max_value=25).map(str)


@st.composite
def exports(draw: st.DrawFn) -> tuple[list[WxrPost], str, bool]:
    posts = []
    for number in range(draw(st.integers(1, 3))):
        comments = []
        for _ in range(draw(st.integers(0, 10))):
            comments.append(WxrComment(
                id=draw(IDS),
                parent=draw(st.one_of(st.just("0"), IDS, st.just("999"))),  # none, any id (even its own), missing
                author=draw(TEXT),
                # Leading words, so every comment has text and its export's first comment with an id is the one
                # kept (a blank one is skipped and claims no id: test_loader's blank-comment test).
                content=f"Comment {draw(st.integers(0, 99))}: {draw(TEXT)}",
                approved=draw(st.sampled_from(["1", "0", "spam", "trash"])),
                date=f"20{draw(st.integers(10, 24))}-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))} 12:00:00",
            ))
        posts.append(WxrPost(str(100 + number), draw(TEXT) or "Untitled", slug=f"p{number}",
                             content=f"<p>{draw(TEXT)}</p>", comments=comments))
    return posts, draw(st.sampled_from(["UTF-8", "UTF-16", "ISO-8859-1"])), draw(st.booleans().map(lambda b: b and
                                                                                               draw(st.booleans())))


def encode(posts: list[WxrPost], encoding: str, broken: bool) -> bytes:
    if broken:  # declared UTF-8, but one post's title written in Latin-1
        posts[0].title += " caf\u00e9"
        return wxr(posts).encode("iso-8859-1", "replace")
    document = wxr(posts, encoding=encoding)
    try:
        return document.encode(encoding.lower())
    except UnicodeEncodeError:
        return wxr(posts).encode("utf-8")


def check_tree(posts: list[WxrPost]) -> None:
    """Each imported comment hangs under the comment its export named, when that one was imported in the same
    post, else at the top level; paths and roots agree with the parents."""
    mapping = dict(ImportedObject.objects.filter(kind="comment").values_list("source_id", "object_id"))
    comments = {c.pk: c for c in Comment.objects.all()}
    assert len(mapping) == len(comments)
    exported: dict[Any, tuple[Any, Any]] = {}
    for post in posts:
        for item in post.comments:
            exported.setdefault(item.id, (post.id, item.parent))  # the first of a duplicate id is the one kept
    for source_id, pk in mapping.items():
        comment = comments[pk]
        _, parent_source = exported[source_id]
        parent_pk = mapping.get(parent_source)
        parent = comments.get(parent_pk) if parent_pk is not None else None
        if parent is not None and parent_pk is not None and parent.thread_id == comment.thread_id \
                and parent_pk != pk and _reaches_root(parent_pk, mapping, exported, comments):
            assert parent_pk in (comment.parent_id, comment.in_reply_to_id)
        if comment.parent_id is None:
            assert (comment.depth, comment.root_id, comment.path) == (0, pk, path_segment(pk))
        else:
            above = comments[comment.parent_id]
            assert comment.path == above.path + path_segment(pk)
            assert comment.root_id == above.root_id
            assert comment.thread_id == above.thread_id


def _reaches_root(pk: int, mapping: dict[str, int], exported: dict[str, tuple[str, str]],
                  comments: dict[int, Comment]) -> bool:
    """False when the export's parent chain above ``pk`` loops (the loader breaks a cycle at one comment)."""
    by_pk = {v: k for k, v in mapping.items()}
    seen: set[int] = set()
    while pk is not None and pk not in seen:
        seen.add(pk)
        parent = mapping.get(exported[by_pk[pk]][1])
        if parent is None or comments[parent].thread_id != comments[pk].thread_id:
            return True
        pk = parent
    return pk is None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(export=exports())
def test_generated_exports_import_whole_and_once(tmp_path: Path, export: tuple[list[WxrPost], str, bool]) -> None:
    posts, encoding, broken = export
    path = tmp_path / "generated.xml"
    path.write_bytes(encode(posts, encoding, broken))
    with transaction.atomic():
        if broken:
            empty = table_counts()
            with pytest.raises(ImportInputError, match="not readable as XML"):
                load_wordpress(path)
            assert table_counts() == empty
        else:
            summary = load_wordpress(path)
            assert summary.error_count == 0, summary.errors
            assert summary.count("comment", "created") == Comment.objects.count()
            check_tree(posts)
            before = snapshot()
            again = load_wordpress(path)
            assert again.count("comment", "created") == 0
            assert snapshot() == before
        transaction.set_rollback(True)
