"""Editors ask readers about a passage; readers answer it; the template tags render the marks and the list."""

from __future__ import annotations

import json

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory

from masthead.discussion.actions import thread_for_article
from masthead.passages.models import PassageAnchor, PassageQuestion
from masthead.testing.passages import Guest, anchor_payload, article

pytestmark = pytest.mark.django_db

QUOTE = "the vote was seven to two"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("desk", "desk@example.org", "pw-desk-123", is_staff=True)
    guest = Guest(client=Client(enforce_csrf_checks=True))
    guest.client.force_login(user)
    return guest


def test_an_editor_asks_and_a_reader_answers(editor):
    target = article()
    editor.open(target.get_absolute_url())
    asked = editor.call("post", f"/articles/{target.pk}/questions",
                        {"anchor": anchor_payload(target, QUOTE), "text": "Were you  at the <meeting>?"})
    assert asked.status_code == 201, asked.content
    question = PassageQuestion.objects.get()
    assert question.text == "Were you at the <meeting>?"

    reader = Guest()
    reader.open(target.get_absolute_url())
    answer = reader.comment_on(target, anchor_payload(target, QUOTE), body="I was there.", question_id=question.pk)
    assert answer.status_code == 201
    assert PassageAnchor.objects.get(comment_id=answer.json()["comment"]["id"]).question == question

    marks = reader.call("get", f"/articles/{target.pk}/passages").json()
    assert [(p["count"], p["question"]["text"]) for p in marks["passages"]] == [(1, "Were you at the <meeting>?")]


def test_readers_cannot_ask_questions_or_answer_closed_ones(editor):
    target = article()
    reader = Guest()
    reader.open(target.get_absolute_url())
    refused = reader.call("post", f"/articles/{target.pk}/questions",
                          {"anchor": anchor_payload(target, QUOTE), "text": "Fake editor question"})
    assert refused.status_code == 403
    assert not PassageQuestion.objects.exists()

    editor.open(target.get_absolute_url())
    editor.call("post", f"/articles/{target.pk}/questions", {"anchor": anchor_payload(target, QUOTE), "text": "Q?"})
    question = PassageQuestion.objects.get()
    question.is_open = False
    question.save()
    closed = reader.comment_on(target, anchor_payload(target, QUOTE), question_id=question.pk)
    assert closed.status_code == 400


def test_the_tags_render_marks_data_and_the_feedback_list(editor):
    target = article()
    reader = Guest()
    reader.open(target.get_absolute_url())
    reader.comment_on(target, anchor_payload(target, QUOTE), body="Close vote.")
    request = RequestFactory().get(target.get_absolute_url(), {"filter": "inline"})
    request.user = type("Anon", (), {"is_authenticated": False, "is_staff": False})()
    html = Template("{% load passage_tags %}{% passage_marks article %}|{% inline_feedback thread %}").render(
        Context({"article": target, "thread": thread_for_article(target), "request": request})
    )
    marks_html, feedback_html = html.split("|", 1)
    data = json.loads(marks_html.split('id="passage-data" type="application/json">')[1].split("</script>")[0])
    assert data["revision"] == 1
    assert data["passages"][0]["quote"] == QUOTE
    assert data["signed_in"] is False
    assert "passages/passages.js" in marks_html
    assert 'id="inline-feedback"' in feedback_html
    assert " hidden" not in feedback_html.split(">")[0]  # ?filter=inline shows it without JavaScript
    assert "Close vote." in feedback_html
