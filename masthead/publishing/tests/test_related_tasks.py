"""The related-articles refresh runs as an enqueued task: after commit, and again when a schedule comes due."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.publishing import actions
from masthead.publishing.models import Article, RelatedArticle
from masthead.testing.articles import make_article

pytestmark = pytest.mark.django_db


def test_nothing_is_enqueued_before_commit(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    article = Article(headline="Rolled back", body="Text.", status=Article.Status.PUBLISHED)
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        actions.do_save_article(article)
    assert DBTaskResult.objects.count() == 0  # queued only once the transaction commits
    for callback in callbacks:
        callback()
    assert DBTaskResult.objects.filter(task_path="masthead.publishing.tasks.refresh_related").count() == 1


def test_a_scheduled_article_is_re_ranked_at_its_time_when_the_backend_can_defer(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    when = timezone.now() + timedelta(hours=3)
    article = Article(headline="Later", body="Text.", status=Article.Status.SCHEDULED, published_at=when)
    with TestCase.captureOnCommitCallbacks(execute=True):
        actions.do_save_article(article)

    runs = [row.task.run_after for row in DBTaskResult.objects.all()]
    assert sorted(runs, key=lambda r: r is not None) == [None, when]  # at once, and when it goes live


def test_the_command_re_ranks_every_live_article():
    first = make_article("Mill weir repaired", "The mill weir on the river was repaired.")
    second = make_article("Mill weir inspected", "The mill weir on the river was inspected.")
    RelatedArticle.objects.all().delete()

    out = StringIO()
    call_command("refresh_related", stdout=out)

    assert "Re-ranked 2 article(s)." in out.getvalue()
    assert RelatedArticle.objects.get(article=first).related == second
    assert RelatedArticle.objects.get(article=second).related == first


def test_the_benchmark_runs_only_on_an_empty_database():
    out = StringIO()
    call_command("related_benchmark", articles=40, samples=2, stdout=out)
    assert "Seeded 40 articles" in out.getvalue()
    assert out.getvalue().count("refresh of") == 2
    assert RelatedArticle.objects.exists()

    with pytest.raises(CommandError, match="empty scratch database"):
        call_command("related_benchmark", articles=10, stdout=StringIO())
