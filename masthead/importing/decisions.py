"""An imported archive's moderation decisions, as the training file ``masthead moderation_train --input`` reads.

The approved, spam and trash states of a WordPress or Disqus archive are its moderators' past decisions on real
comments of this newsroom's readers: the best data a site model can learn from (docs/moderation.md). Each
imported comment, in the state it is in now (a moderator here may have changed it since), gives one line
``{"text": ..., "decision": ...}``:

- shown (approved at the source) → ``publish``;
- rejected (spam or trash at the source: the moderators did not publish it as it was; Masthead keeps both as
  rejected, and the training counts hold and reject alike) → ``reject``;
- pending (nobody decided yet: they wait in the queue here, and the queue's decisions train the model as
  today) and tombstones (deleted, no text left) → left out.

Only the newest ``limit`` comments are written (the most recent decisions describe today's readers; training on
more takes memory in proportion). Rows are read a chunk at a time: memory does not grow with the archive.
"""

from __future__ import annotations

import json
import shlex
from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from django.db.models import Count, QuerySet

from masthead.discussion.models import Comment
from masthead.importing.models import ImportedObject
from masthead.importing.records import Kind

DECISIONS = {Comment.Status.VISIBLE: "publish", Comment.Status.REJECTED: "reject"}
DEFAULT_LIMIT = 50_000
CHUNK = 2_000


@dataclass(frozen=True)
class DecisionCounts:
    publish: int = 0
    reject: int = 0
    undecided: int = 0  # pending at the source (and tombstones): not decisions

    @property
    def decisions(self) -> int:
        return self.publish + self.reject


def _imported(source: str) -> QuerySet[Comment]:
    ids = ImportedObject.objects.filter(source=source, kind=Kind.COMMENT).values("object_id")
    return Comment.objects.filter(pk__in=ids)


def count_decisions(source: str) -> DecisionCounts:
    """How many moderators' decisions the comments imported from ``source`` hold."""
    rows = _imported(source).order_by().values("status").annotate(n=Count("pk")).values_list("status", "n")
    by_status: dict[str, int] = dict(rows)
    return DecisionCounts(by_status.get(Comment.Status.VISIBLE, 0), by_status.get(Comment.Status.REJECTED, 0),
                          by_status.get(Comment.Status.PENDING, 0) + by_status.get(Comment.Status.DELETED, 0))


def write_decisions(source: str, out: TextIO, *, limit: int = DEFAULT_LIMIT) -> DecisionCounts:
    """Write the training lines of the newest ``limit`` decided comments imported from ``source``."""
    counts: Counter[str] = Counter()
    rows = (_imported(source).filter(status__in=list(DECISIONS)).exclude(body="")
            .order_by("-created_at", "-pk").values_list("body", "status")[:limit])
    for body, status in rows.iterator(chunk_size=CHUNK):
        decision = DECISIONS[Comment.Status(status)]
        out.write(json.dumps({"text": body, "decision": decision}, ensure_ascii=False) + "\n")
        counts[decision] += 1
    return DecisionCounts(counts["publish"], counts["reject"])


def advice(source: str, counts: DecisionCounts) -> str:
    """The end of an import's summary: what the archive can teach the site's moderation model, and how."""
    if not counts.decisions:
        return ""
    pending = f"; {counts.undecided} pending or deleted left out" if counts.undecided else ""
    return (
        f"\nModeration: this archive holds {counts.decisions} {_plural(counts.decisions, 'decision')} of your "
        f"moderators ({counts.publish} "
        f"approved, {counts.reject} spam or trash{pending}). They can train this site's moderation model on "
        "your own readers' comments:\n"
        f"  masthead import_decisions {shlex.quote(source)} decisions.jsonl\n"
        "  masthead moderation_train --input decisions.jsonl --dry-run\n"
        "(or run this import again with --train-moderation). The trained model is a candidate: compare it with "
        "the active one under Moderation > Models and promote it there (docs/moderation.md).\n"
    )


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"
