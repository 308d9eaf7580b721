"""A Ghost export is one JSON document; the adapter reads it incrementally, so reading a large export holds one
post at a time, not the file. Measured with tracemalloc while the file is checked and its records read (nothing is
written: this is the adapter alone). And a file that is not JSON, or not UTF-8, is refused by name."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from masthead.importing.records import ArticleRecord, AuthorRecord, TopicRecord
from masthead.importing.sources.base import ImportInputError
from masthead.importing.sources.ghost import GhostSource

POSTS = 3_000  # of 2 KB each: 6 MB of text
TEXT = ("A long paragraph about the river path and the council budget, as a post would have. " * 30)[:2000]


def ghost_export(path: Path) -> Path:
    """Written as Ghost lays it out: posts first, users and tags after them, settings with the installation id."""
    with path.open("w", encoding="utf-8") as out:
        out.write('{"db": [{"meta": {"exported_on": 1, "version": "4.1.0"}, "data": {"posts": [')
        for n in range(POSTS):
            out.write(("," if n else "") + json.dumps({
                "id": f"p{n}", "title": f"Post {n}", "slug": f"post-{n}", "html": f"<p>{TEXT}</p>",
                "status": "published", "visibility": "public", "type": "page" if n == 0 else "post",
                "published_at": "2021-01-02T03:04:05.000Z"}))
        out.write('], "posts_authors": [')
        out.write(",".join(json.dumps({"id": f"pa{n}", "post_id": f"p{n}", "author_id": "u1", "sort_order": 0})
                           for n in range(POSTS)))
        out.write('], "posts_tags": [' + json.dumps({"id": "pt", "post_id": "p1", "tag_id": "t1", "sort_order": 0}))
        out.write('], "users": [' + json.dumps({"id": "u1", "name": "Ada", "slug": "ada"}))
        out.write('], "tags": [' + json.dumps({"id": "t1", "name": "Council", "slug": "council"}))
        out.write('], "settings": [' + json.dumps({"key": "db_hash", "value": "abc123"}) + "]}}]}")
    return path


def test_reading_holds_one_post_not_the_export(tmp_path: Path) -> None:
    export = ghost_export(tmp_path / "ghost.json")
    assert export.stat().st_size > 6_000_000
    source = GhostSource(export, {})
    tracemalloc.start()
    try:
        source.check()
        kinds: dict[type, int] = {}
        for record in source.records():
            kinds[type(record)] = kinds.get(type(record), 0) + 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert source.key == "ghost:abc123"
    assert source.total_hint() == POSTS - 1  # the page is not counted
    assert (kinds[AuthorRecord], kinds[TopicRecord], kinds[ArticleRecord]) == (1, 1, POSTS - 1)
    # The whole document parsed at once would take well over 6 MB (json.load peaks at 16); one post is 2 KB,
    # and the post-author index of 3,000 short ids well under 1 MB.
    assert peak < 2_500_000, peak


@pytest.mark.parametrize(("content", "message"), [
    (b'{"db": [{"meta": {"version": "4.1.0"}, "data": {"posts": [', "not JSON (parse error: premature EOF"),
    (b'{"db": [{"meta": {"version": "4.1.0"}, "data": {"posts": ["\xff\xfe"]}}]}', "not UTF-8"),
    (b'{"db": [{"meta": 1, "data": {}}]}', "not a Ghost export"),
    (b'{"db": [{"meta": {"version": "5.2.0"}, "data": {}}]}', "versions 1 to 4"),
])
def test_a_broken_file_is_refused_by_name(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    with pytest.raises(ImportInputError) as refused:
        GhostSource(path, {}).check()
    assert str(refused.value).startswith("broken.json: ")
    assert message in str(refused.value)
