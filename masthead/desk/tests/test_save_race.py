"""Two saves over the same version at the same moment, on real connections: one wins, the other is told."""

from __future__ import annotations

import threading

import pytest
from django.contrib.auth.models import User
from django.db import connection

from masthead.publishing.editing import ArticleEdit, EditConflict, do_create_draft, do_save_edit
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db(transaction=True)
WRITERS = 6


def test_concurrent_saves_over_one_version_let_exactly_one_through():
    user = User.objects.create_user("racer", is_staff=True)
    article = do_create_draft(user)
    start = threading.Barrier(WRITERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def write(n: int) -> None:
        try:
            start.wait(10)
            do_save_edit(article.pk, ArticleEdit(headline=f"Headline {n}", body=f"Body {n}."),
                         expected_version=article.version, by=user, autosave=True)
            outcome = f"saved {n}"
        except EditConflict:
            outcome = "conflict"
        finally:
            connection.close()
        with lock:
            outcomes.append(outcome)

    writers = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(60)

    saved = [o for o in outcomes if o.startswith("saved")]
    assert len(outcomes) == WRITERS
    assert len(saved) == 1
    assert outcomes.count("conflict") == WRITERS - 1
    stored = Article.objects.get(pk=article.pk)
    winner = saved[0].split()[1]
    assert (stored.headline, stored.body, stored.version) == (f"Headline {winner}", f"Body {winner}.",
                                                              article.version + 1)
