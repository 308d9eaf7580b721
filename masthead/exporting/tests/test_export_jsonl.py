"""`masthead export OUTDIR`: every kind, field by field, for a seeded site; private data only with the flag."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from masthead.exporting import bundle
from masthead.exporting.kinds import KINDS
from masthead.exporting.tests.conftest import read_jsonl
from masthead.exporting.tests.site import PUBLISHED_STAMP, SEEDED_STAMP, Site
from masthead.funding.models import FundingAudit

PRIVATE_VALUES = ("rosa@example.org", "sam@example.org", "pat@example.org", "spam@example.org", "sub@example.org",
                  "dora@example.org", "editor@example.org", "Subscriber Sue", "Dora Donor", "Cheque 1042")


def export(tmp_path: Path, *, private: bool = False, name: str = "out") -> Path:
    outdir = tmp_path / name
    call_command("export", str(outdir), *(["--include-private"] if private else []), "--chunk-size", "2")
    return outdir


def expected_public(site: Site) -> dict[str, list[dict[str, object]]]:
    """The whole export of the seeded site without --include-private, written out by hand."""
    body = site.budget.body
    comment: dict[str, object] = {
        "thread": site.thread.key, "article": "budget-passes", "in_reply_to": None, "quote": "",
        "created_at": SEEDED_STAMP, "edited_at": None, "moderation_reasons": []}
    no_votes = {"upvotes": 0, "downvotes": 0, "score": 0}
    return {
        "authors": [
            {"id": site.ada.pk, "slug": "ada-reporter", "name": "Ada Reporter", "bio": "Covers the council."},
            {"id": site.ben.pk, "slug": "ben-writer", "name": "Ben Writer", "bio": ""},
        ],
        "topics": [
            {"id": site.city.pk, "slug": "city-hall", "name": "City Hall", "description": "The council and its budget.",
             "nav_position": 1},
            {"id": site.schools.pk, "slug": "schools", "name": "Schools", "description": "", "nav_position": None},
        ],
        "articles": [
            {"id": site.budget.pk, "slug": "budget-passes", "headline": "Budget passes", "standfirst": "Seven to two.",
             "body": body,
             "body_html": "<p>The council met on Tuesday to discuss the river path.</p>\n"
                          "<p>According to the minutes, the vote was seven to two.</p>\n"
                          "<p>Residents can read the full report at the library.</p>\n",
             "status": "published", "published_at": PUBLISHED_STAMP, "revised_at": None,
             "created_at": SEEDED_STAMP, "updated_at": SEEDED_STAMP, "discussion_open": True,
             "authors": ["ada-reporter", "ben-writer"], "topics": ["city-hall", "schools"],
             "featured_image": {"path": site.budget.featured_image.name, "width": 1200, "height": 675,
                                "caption": "Illustrative image: a river at dusk.",
                                "alt": "A calm river under an evening sky."},
             "old_slugs": []},
            {"id": site.draft.pk, "slug": "draft-plans", "headline": "Draft plans", "standfirst": "Draft plans.",
             "body": "Not yet.", "body_html": "<p>Not yet.</p>\n", "status": "draft", "published_at": None,
             "revised_at": None, "created_at": SEEDED_STAMP, "updated_at": SEEDED_STAMP, "discussion_open": True,
             "authors": ["ben-writer"], "topics": [], "featured_image": None, "old_slugs": []},
        ],
        "threads": [{"id": site.thread.pk, "key": f"article:{site.budget.pk}", "article": "budget-passes",
                     "comment_count": 4, "created_at": SEEDED_STAMP}],
        "comments": [
            {"id": site.top.pk, **comment, "parent": None, "depth": 0, "author_name": "Rosa",
             "author_website": "https://rosa.example.net/", "body": "Good *news* for the path.",
             "body_html": "<p>Good <em>news</em> for the path.</p>\n", "status": "visible",
             "upvotes": 2, "downvotes": 1, "score": 1, "reply_count": 2},
            {"id": site.reply.pk, **comment, "parent": site.top.pk, "depth": 1, "author_name": "Sam",
             "author_website": "", "body": "I disagree.", "body_html": "<p>I disagree.</p>\n", "status": "visible",
             **no_votes, "reply_count": 1},
            {"id": site.deep_reply.pk, **comment, "parent": site.reply.pk, "depth": 2, "author_name": "Rosa",
             "author_website": "", "body": "Why?", "body_html": "<p>Why?</p>\n", "status": "visible", **no_votes,
             "reply_count": 0},
            {"id": site.rejected.pk, **comment, "parent": None, "depth": 0, "author_name": "Spammer",
             "author_website": "", "body": "Buy pills.", "body_html": "<p>Buy pills.</p>\n", "status": "rejected",
             "moderation_reasons": ["spam"], **no_votes, "reply_count": 0},
            {"id": site.passage_comment.pk, **comment, "parent": None, "depth": 0, "author_name": "Pat",
             "author_website": "", "body": "Who voted no?", "body_html": "<p>Who voted no?</p>\n",
             "status": "visible", **no_votes, "reply_count": 0},
        ],
        "votes": [{"comment": site.top.pk, "value": value, "created_at": SEEDED_STAMP} for value in (1, 1, -1)],
        "passage_questions": [{"id": site.question.pk, "anchor": site.question.anchor_id,
                               "text": "Were you at the meeting?", "is_open": True, "created_at": SEEDED_STAMP}],
        "passage_anchors": [
            {"id": anchor_id, "article": "budget-passes", "comment": comment_id, "question": question_id,
             "exact": "seven to two", "prefix": "ng to the minutes, the vote was ",
             "suffix": ".\n\nResidents can read the full r", "start": 94, "end": 106, "revision": 1,
             "status": "exact", "score": 1.0, "original_exact": "seven to two",
             "original_prefix": "ng to the minutes, the vote was ",
             "original_suffix": ".\n\nResidents can read the full r", "original_start": 94, "original_revision": 1,
             "created_at": SEEDED_STAMP, "updated_at": SEEDED_STAMP}
            for anchor_id, comment_id, question_id in sorted([
                (site.question.anchor_id, None, None), (site.anchor.pk, site.passage_comment.pk, site.question.pk)])
        ],
        "subscriptions": [{"id": site.subscription.pk, "thread": site.thread.key, "article": "budget-passes",
                           "kind": "thread", "status": "active", "requested_at": SEEDED_STAMP,
                           "confirmed_at": SEEDED_STAMP, "ended_at": None}],
        "campaigns": [{"id": site.campaign.pk, "name": "Spring drive", "description": "", "goal": 500000,
                       "currency": "usd", "period": "monthly", "starts_on": None, "ends_on": None, "ticks": [],
                       "suggested_amounts": [], "min_amount": 300, "max_amount": 1000000, "is_active": True,
                       "placement": "articles", "other_ways": "", "created_at": SEEDED_STAMP}],
        "donations": [{
            "id": site.donation.pk, "campaign": site.campaign.pk, "kind": "manual", "method": "cheque",
            "currency": "usd", "amount": 2500, "is_paid": True, "payment_failed": False, "refunded_amount": 0,
            "dispute": "", "dispute_amount": 0, "paid_at": "2026-03-03T12:00:00.000000Z", "status": "paid",
            "net_amount": 2500, "stripe_payment_intent": None, "stripe_checkout_session": None,
            "stripe_invoice": None, "stripe_charge": None, "stripe_subscription": "", "is_anonymous": False,
            # Kept off the wall by the donor, so not public: the name is only in the private export.
            "show_on_wall": False, "wall_name": "", "public_message": "", "article": None,
            "receipt_sent_at": None, "created_at": SEEDED_STAMP, "updated_at": SEEDED_STAMP,
        }],
        "recurring_donations": [],
    }


def test_every_kind_is_exported_with_exact_contents(site: Site, tmp_path: Path) -> None:
    outdir = export(tmp_path)
    expected = expected_public(site)
    assert [kind.name for kind in KINDS] == list(expected)
    for kind, records in expected.items():
        assert read_jsonl(outdir / f"{kind}.jsonl") == records, kind


def test_private_fields_are_absent_without_the_flag_and_present_with_it(site: Site, tmp_path: Path) -> None:
    public = export(tmp_path, name="public")
    everything = "".join(path.read_text(encoding="utf-8") for path in sorted(public.rglob("*.json*")))
    for value in PRIVATE_VALUES:
        assert value not in everything
    for vote in read_jsonl(public / "votes.jsonl"):
        assert set(vote) == {"comment", "value", "created_at"}
    assert not FundingAudit.objects.filter(action=FundingAudit.Action.SITE_EXPORT).exists()

    private = export(tmp_path, private=True, name="private")
    expected = expected_public(site)
    by_kind = {kind: read_jsonl(private / f"{kind}.jsonl") for kind in expected}
    assert [c["author_email"] for c in by_kind["comments"]] == [
        "rosa@example.org", "sam@example.org", "", "spam@example.org", "pat@example.org"]
    assert by_kind["authors"][0]["user"] == {"username": "editor", "email": "editor@example.org"}
    assert by_kind["authors"][1]["user"] is None
    assert by_kind["subscriptions"][0] == {**expected["subscriptions"][0], "email": "sub@example.org",
                                                "name": "Subscriber Sue"}
    assert by_kind["donations"][0] == {
        **expected["donations"][0], "wall_name": "Dora Donor", "donor_name": "Dora Donor",
        "donor_email": "dora@example.org", "stripe_customer": "", "supporter_key": "email:dora@example.org",
        "note": "Cheque 1042, banked.", "recorded_by": "editor"}
    assert [v["network_hash"] for v in by_kind["votes"]] == ["net-v1", "net-v2", "net-v3"]
    assert all(len(str(v["voter_key"])) > 8 for v in by_kind["votes"])
    assert by_kind["passage_questions"][0]["created_by"] == "editor"
    assert json.loads((private / "manifest.json").read_text())["include_private"] is True
    audit = FundingAudit.objects.get(action=FundingAudit.Action.SITE_EXPORT)
    assert audit.actor is None
    assert audit.note.startswith(f"{private.resolve()}: 1 donations and 0 recurring donations with donor data")
    # Apart from the private fields, the two exports are the same records.
    for kind, records in expected.items():
        stripped = [{k: v for k, v in r.items() if k in records[0]} if records else r for r in by_kind[kind]]
        if kind != "donations":
            assert stripped == records, kind


def test_manifest_counts_and_checksums_match_the_files_and_media_is_copied(site: Site, tmp_path: Path) -> None:
    outdir = export(tmp_path)
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "masthead-export"
    assert manifest["version"] == 1
    assert manifest["publication"]["name"] == "The Lantern"
    assert manifest["counts"] == {"authors": 2, "topics": 2, "articles": 2, "threads": 1, "comments": 5, "votes": 3,
                                  "passage_questions": 1, "passage_anchors": 2, "subscriptions": 1, "campaigns": 1,
                                  "donations": 1, "recurring_donations": 0}
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == {f"{kind.name}.jsonl" for kind in KINDS} | {"media.jsonl"}
    for path, entry in listed.items():
        data = (outdir / path).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
        assert entry["records"] == data.count(b"\n")
    image = str(site.budget.featured_image.name)
    with default_storage.open(image, "rb") as stored:
        original = stored.read()
    assert (outdir / "media" / image).read_bytes() == original
    assert read_jsonl(outdir / "media.jsonl") == [
        {"path": image, "missing": False, "reason": "", "bytes": len(original),
         "sha256": hashlib.sha256(original).hexdigest()}]
    assert manifest["media"] == {"files": 1, "missing": 0, "bytes": len(original)}


def test_a_missing_image_is_recorded_not_fatal(site: Site, tmp_path: Path) -> None:
    default_storage.delete(str(site.budget.featured_image.name))
    outdir = export(tmp_path)
    assert read_jsonl(outdir / "media.jsonl") == [{"path": site.budget.featured_image.name, "missing": True,
                                                   "reason": "not in storage", "bytes": 0, "sha256": None}]
    assert json.loads((outdir / "manifest.json").read_text())["media"]["missing"] == 1


def test_two_exports_of_the_same_site_are_identical_apart_from_the_run_time(site: Site, tmp_path: Path) -> None:
    first, second = export(tmp_path, name="first"), export(tmp_path, name="second")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for relative in files:
        if relative.name != "manifest.json":
            assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative
    manifests = [json.loads((d / "manifest.json").read_text()) for d in (first, second)]
    for manifest in manifests:
        manifest.pop("generated_at")
    assert manifests[0] == manifests[1]


def test_hostile_text_stays_one_record_per_line(site: Site, tmp_path: Path) -> None:
    hostile = "line\nbreak\r\u2028sep\u2029 \x01\x1b]]> \"quoted\" \\ <b>&amp;"
    site.ben.bio = hostile
    site.ben.save(update_fields=["bio"])  # a direct write: the DB may hold what no form would accept
    outdir = export(tmp_path)
    lines = (outdir / "authors.jsonl").read_bytes().split(b"\n")
    assert len(lines) == 3
    assert lines[-1] == b""
    assert json.loads(lines[1])["bio"] == hostile


def test_refuses_a_folder_that_is_not_empty(db, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")
    with pytest.raises(CommandError, match="not an empty folder"):
        call_command("export", str(tmp_path / "out"))
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["keep.txt"]


def test_unsafe_stored_names_are_not_followed_out_of_the_media_folder() -> None:
    assert bundle.safe_media_path("articles/2026/03/a.png") is not None
    for name in ("../../etc/passwd", "/etc/passwd", "articles/../../x", "a\\..\\b", ""):
        assert bundle.safe_media_path(name) is None
