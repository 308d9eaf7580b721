"""SECURITY.md, data exposure: no API answer gives a reader an email address, network data or a token.

Every kind of record that holds something private is planted (a guest's comment with an email, a signed-in reader's
comment, a passage comment, an editor's question, a donation, a subscription), then every GET operation the API
publishes in its OpenAPI schema is called by another reader, plus the writes another reader may make (a vote, a
reply), and each answer is searched for the planted values. A new endpoint is visited automatically; one with a
path parameter this file cannot fill fails loudly, so it cannot be skipped by accident.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.funding import actions as funding
from masthead.funding.models import Campaign
from masthead.notifications.actions import do_request_subscription
from masthead.notifications.models import Subscription
from masthead.passages.models import PassageAnchor
from masthead.testing.passages import Guest, anchor_payload, article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

EMAILS = {
    "guest": "ada.private@example.org",
    "account": "bo.private@example.org",
    "passage": "cy.private@example.org",
    "editor": "di.private@example.org",
    "donor": "ed.private@example.org",
    "subscriber": "fi.private@example.org",
}
QUOTE = "the vote was seven to two"
# Names an output schema may never use (SECURITY.md: list fields explicitly in every schema).
PRIVATE_FIELD = re.compile(r"email|network|hash|token|secret|password|reader_key|(^|_)ip(_|$)|address", re.I)


@pytest.fixture
def planted(settings) -> dict[str, Any]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    users = get_user_model().objects
    target = article()
    thread = thread_for_article(target)

    guest = Guest()
    guest.open(target.get_absolute_url())
    first = guest.post_comment(thread, "A guest's comment.", author_email=EMAILS["guest"])
    assert first.status_code == 201, first.content
    passage = guest.comment_on(target, anchor_payload(target, QUOTE), author_email=EMAILS["passage"])
    assert passage.status_code == 201, passage.content

    member = Guest()
    member.client.force_login(users.create_user("bo", EMAILS["account"], "pw-for-tests-only"))
    assert member.post_comment(thread, "A member's comment.").status_code == 201

    editor, editor_user = Guest(), users.create_user("di", EMAILS["editor"], "pw-for-tests-only", is_staff=True)
    editor.client.force_login(editor_user)
    asked = editor.call("post", f"/articles/{target.pk}/questions",
                        {"anchor": anchor_payload(target, "The path will reopen in May."), "text": "Is May right?"})
    assert asked.status_code == 201, asked.content

    campaign = Campaign.objects.create(name="Our monthly goal", goal=500_000, currency="usd", is_active=True,
                                       min_amount=300, max_amount=500_000)
    funding.do_record_manual_donation(editor_user, funding.ManualDonation(
        campaign=campaign, method="bank", amount=5000, received_on=date(2026, 11, 2), note="Cheque 17",
        donor_name="Ed", donor_email=EMAILS["donor"], show_on_wall=True, public_message="Keep going"))
    do_request_subscription(thread.pk, EMAILS["subscriber"], "thread", network_hash="net-subscriber")

    secrets = set(EMAILS.values())
    for comment in Comment.objects.all():
        secrets |= {comment.network_hash, comment.edit_token_hash, comment.reader_key}
    for cookie in ("mh_edit", "mh_reader", "sessionid"):
        for person in (guest, member, editor):
            if cookie in person.client.cookies:
                secrets |= {part for part in re.split(r"[.,:]", person.client.cookies[cookie].value) if len(part) > 12}
    for subscription in Subscription.objects.all():
        secrets |= {value for value in vars(subscription).values() if isinstance(value, str) and len(value) > 12}
    secrets = {secret for secret in secrets if len(secret) >= 12}  # "u:5" (an account's author key) is no secret
    assert len(secrets) > len(EMAILS) + 6  # hashes and tokens were really found
    return {"article": target, "thread": thread, "secrets": secrets,
            "anchor": PassageAnchor.objects.filter(comment__isnull=False).first()}


def _leaks(text: str, secrets: set[str]) -> list[str]:
    return [secret for secret in secrets if secret in text]


def _fill(path: str, planted: dict[str, Any]) -> str:
    values = {"thread_id": planted["thread"].pk, "article_id": planted["article"].pk,
              "anchor_id": planted["anchor"].pk,
              "comment_id": Comment.objects.filter(author_email=EMAILS["guest"]).get().pk}
    for name in re.findall(r"{(\w+)}", path):
        assert name in values, f"{path}: teach this test which planted object fills {{{name}}}"
        path = path.replace(f"{{{name}}}", str(values[name]))
    return path


def test_no_get_endpoint_of_the_api_returns_private_data(planted):
    schema = json.loads(Client().get("/api/openapi.json").content)
    outsider = Client()
    visited = []
    for template, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        query = {"article": planted["article"].pk} if template.endswith("/counts") else {}
        for sort in (("newest", "oldest", "votes") if template.endswith("/comments") and "thread" in template
                     else (None,)):
            params = {**query, **({"sort": sort} if sort else {})}
            response = outsider.get(_fill(template, planted), params)
            assert response.status_code == 200, (template, response.status_code, response.content[:200])
            assert not _leaks(response.content.decode(), planted["secrets"]), template
        visited.append(template)
    assert len(visited) >= 6, visited  # discussion, funding and passages reads were all walked


def test_answers_to_another_readers_writes_return_no_private_data(planted):
    outsider = Guest(remote_addr="203.0.113.40")
    thread = planted["thread"]
    outsider.open(planted["article"].get_absolute_url())
    for comment in Comment.objects.filter(depth=0):
        answers = [
            outsider.api("post", f"/comments/{comment.pk}/vote", {"value": 1}),
            outsider.post_comment(thread, "A reply to you.", parent_id=comment.pk),
            outsider.api("put", f"/comments/{comment.pk}", {"body": "Taken over"}),
            outsider.api("delete", f"/comments/{comment.pk}"),
        ]
        assert [a.status_code for a in answers] == [200, 201, 403, 403], [a.content[:200] for a in answers]
        for answer in answers:
            assert not _leaks(answer.content.decode(), planted["secrets"]), answer.content[:300]


def _schemas_reachable(schema: dict[str, Any], node: Any, seen: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref and ref not in seen:
            seen.add(ref)
            _schemas_reachable(schema, schema["components"]["schemas"][ref.rsplit("/", 1)[1]], seen)
        for value in node.values():
            _schemas_reachable(schema, value, seen)
    elif isinstance(node, list):
        for value in node:
            _schemas_reachable(schema, value, seen)


def test_output_schemas_name_no_private_field():
    schema = json.loads(Client().get("/api/openapi.json").content)
    refs: set[str] = set()
    for operations in schema["paths"].values():
        for operation in operations.values():
            _schemas_reachable(schema, operation.get("responses", {}), refs)
    assert "#/components/schemas/CommentOut" in refs
    for ref in refs:
        properties = schema["components"]["schemas"][ref.rsplit("/", 1)[1]].get("properties", {})
        private = [name for name in properties if PRIVATE_FIELD.search(name)]
        assert not private, (ref, private)
