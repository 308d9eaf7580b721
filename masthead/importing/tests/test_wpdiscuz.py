"""A WordPress + wpDiscuz export written for these tests (the shared real exports carry no wpDiscuz meta): vote
counts from ``wpdiscuz_votes_seperate`` / ``wpdiscuz_votes``, inline-feedback comments anchored to their passages,
spam kept as rejected, and the PHP-unserialize reader that reads the votes safely."""

from __future__ import annotations

import pytest

from masthead.discussion.models import Comment
from masthead.importing import phpserial
from masthead.importing.tests.conftest import load_wordpress, run_import, snapshot
from masthead.importing.tests.wxr import SEPARATE, wpdiscuz_site
from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.publishing.models import Article


@pytest.fixture
def export(tmp_path):
    path = tmp_path / "wpdiscuz.xml"
    path.write_text(wpdiscuz_site(), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_votes_passages_and_states_of_a_wpdiscuz_site(export):
    summary = load_wordpress(export)
    assert summary.count("comment", "created") == 10
    assert summary.count("passage", "created") == 3
    assert summary.count("passage", "orphaned") == 2
    assert summary.kinds["passage"].orphaned == {
        "the passage it was about is not known (kept as an ordinary comment)": 2}

    liked = Comment.objects.get(body__startswith="Good news")
    assert (liked.upvotes, liked.downvotes, liked.score) == (5, 2, 3)  # the separate counts win over the net
    disliked = Comment.objects.get(body__startswith="Not for the pool")
    assert (disliked.upvotes, disliked.downvotes, disliked.score, disliked.parent_id) == (0, 4, -4, liked.pk)
    pinned = Comment.objects.get(body__startswith="Pinned")
    assert (pinned.upvotes, pinned.downvotes) == (2, 0)  # the serialized object is refused; the net is used

    spam = Comment.objects.get(body__startswith="Buy cheap")
    assert spam.status == Comment.Status.REJECTED  # kept for the record, never shown
    answer = Comment.objects.get(body__startswith="A reply to spam")
    assert (answer.parent_id, answer.status) == (spam.pk, Comment.Status.VISIBLE)

    budget = Article.objects.get(slug="budget-passes")
    assert "wpdiscuz-feedback" not in budget.body_text
    figure = PassageAnchor.objects.get(comment__body__startswith="It was 4.1 million")
    assert figure.status == PassageAnchor.Status.EXACT
    assert figure.exact == "The council approved a budget of 4.2 million"
    assert budget.body_text[figure.start : figure.end] == figure.exact
    turnout = PassageAnchor.objects.get(comment__body__startswith="I was, it was half empty")
    assert turnout.exact == "Turnout at the hearing was low."  # form 18 is the second passage
    second_on_figure = PassageAnchor.objects.get(comment__body__startswith="The final figure")
    assert second_on_figure.exact == figure.exact
    # The editor's prompts became questions (closed: the old site's forms are not taking answers here).
    assert figure.question is not None
    assert figure.question == second_on_figure.question
    assert figure.question is not None
    assert turnout.question is not None
    assert figure.question.text == "Is this figure right?"
    assert not figure.question.is_open
    assert turnout.question.text == "Were you there?"
    assert PassageQuestion.objects.count() == 2

    roadworks = Comment.objects.filter(thread__article__slug="roadworks")
    assert roadworks.count() == 2  # kept as ordinary comments
    assert not PassageAnchor.objects.filter(comment__in=roadworks).exists()


@pytest.mark.django_db
def test_the_wpdiscuz_site_imports_once(export):
    run_import("wordpress", str(export))
    before = snapshot()
    run_import("wordpress", str(export))
    assert snapshot() == before
    assert PassageAnchor.objects.count() == 3 + 2  # three answers, two question anchors


def test_php_unserialize_reads_arrays_strings_and_numbers():
    assert phpserial.loads(SEPARATE) == {"like": 5, "dislike": 2}
    assert phpserial.loads('a:1:{s:3:"key";s:13:"¯\\_(ツ)_/¯";}') == {"key": "¯\\_(ツ)_/¯"}  # byte lengths
    assert phpserial.loads("a:3:{i:0;b:1;i:1;N;i:2;d:0.5;}") == {0: True, 1: None, 2: 0.5}


@pytest.mark.parametrize("hostile", [
    'O:8:"stdClass":0:{}',  # an object: never instantiated
    'C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}}',
    'a:1:{i:0;R:1;}',  # a reference
    's:100:"short";',  # a length that lies
    'a:99999999:{}',  # a count that lies
    "a:1:{" * 100 + "}" * 100,  # too deep
    'a:1:{a:0:{}i:1;}',  # an array as a key
    "i:99999999999999999999999999;",
])
def test_php_unserialize_refuses_what_it_does_not_read(hostile):
    with pytest.raises(phpserial.PhpSerialError):
        phpserial.loads(hostile)
