"""Background work of publishing, enqueued on commit by ``actions`` (run inline by the tests' backend)."""

from __future__ import annotations

from django_tasks import task

from masthead.core.task_recovery import rerun_if_abandoned
from masthead.publishing.actions import do_refresh_related


@task()
def refresh_related(article_id: int) -> list[int]:
    """Recompute "More on this topic" for an article and the articles whose lists it belongs in."""

    return do_refresh_related(article_id)


@task()
def refresh_related_many(article_ids: list[int]) -> list[int]:
    """``refresh_related`` for each article in turn (an import's saved articles, enqueued together)."""

    done: list[int] = []
    for article_id in article_ids:
        done += do_refresh_related(article_id)
    return done


rerun_if_abandoned(refresh_related)  # a recomputation: the same result however often it runs
rerun_if_abandoned(refresh_related_many)
