"""Shared by the import tests: where the real exports are, running the command, and counting what exists."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from masthead.discussion.models import Comment, Thread
from masthead.importing.loader import Loader
from masthead.importing.models import ImportedObject, Redirect
from masthead.importing.sources.wordpress import WordPressSource
from masthead.importing.summary import Summary
from masthead.moderation.models import ModerationDecision
from masthead.notifications.models import Subscription
from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.publishing.models import Article, Author, Topic

REPO = Path(__file__).resolve().parents[3]


def import_data_dir() -> Path:
    """The shared sample exports: $MASTHEAD_IMPORT_DATA_DIR, else shared/data/import beside the clone."""
    configured = os.environ.get("MASTHEAD_IMPORT_DATA_DIR")
    folder = Path(configured) if configured else REPO.parent / "shared" / "data" / "import"
    if not (folder / "wxr").is_dir():
        pytest.fail(
            f"The sample exports are missing: {folder}/wxr is not a folder. Place the shared data beside the clone "
            "(shared/data/import) or set MASTHEAD_IMPORT_DATA_DIR.", pytrace=False
        )
    return folder


@pytest.fixture
def wxr_dir() -> Path:
    return import_data_dir() / "wxr"


def run_import(*args: str) -> str:
    """``masthead import ...`` as an operator runs it; returns what it printed (the summary)."""
    out = io.StringIO()
    call_command("import", *args, "--no-progress", stdout=out)
    return out.getvalue()


def load_wordpress(path: Path, *, uploads: Path | None = None, dry_run: bool = False) -> Summary:
    """The loader itself, for tests that check the summary's figures rather than its printout."""
    source = WordPressSource(path, {"uploads": str(uploads) if uploads else None})
    return Loader(source, dry_run=dry_run).run()


def run_failing_import(*args: str) -> tuple[str, str]:
    """An import that must end with an error: (what it printed, the error)."""
    out = io.StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import", *args, "--no-progress", stdout=out)
    return out.getvalue(), str(failed.value)


COUNTED = {
    "articles": Article, "authors": Author, "topics": Topic, "threads": Thread, "comments": Comment,
    "decisions": ModerationDecision, "anchors": PassageAnchor, "questions": PassageQuestion,
    "subscriptions": Subscription, "redirects": Redirect, "mapping": ImportedObject,
}


def table_counts() -> dict[str, int]:
    return {name: model._default_manager.count() for name, model in COUNTED.items()}


def snapshot() -> dict[str, object]:
    """Every row an import writes, as data: a second run must leave it identical."""
    return {
        "counts": table_counts(),
        "articles": list(Article.objects.order_by("pk").values_list(
            "pk", "slug", "headline", "body", "status", "published_at", "updated_at")),
        "comments": list(Comment.objects.order_by("pk").values_list(
            "pk", "parent_id", "path", "status", "body_html", "created_at", "upvotes", "downvotes", "reply_count")),
        "threads": list(Thread.objects.order_by("pk").values_list("pk", "comment_count", "version")),
        "redirects": list(Redirect.objects.order_by("pk").values_list("old_path", "target")),
    }
