"""Citing sources is normal in news discussion: links hold a comment only on real signals (a shortener, many
links, a domain new to the site, a first comment), and the publisher edits the list of trusted domains."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from masthead.moderation.actions import do_update_settings
from masthead.moderation.links import is_trusted, link_hosts, parse_trusted
from masthead.moderation.models import Action, LinkedDomain
from masthead.moderation.pipeline import record, screen
from masthead.testing.moderation import new_guest, regular

pytestmark = pytest.mark.django_db

CITING = (
    "The figures in the piece match the official release (https://www.ons.gov.uk/releases/2026/labour.pdf), "
    "Reuters had the same numbers on Monday https://www.reuters.com/world/uk/jobs-2026-12-01/ and the BBC "
    "explainer is worth reading too: https://www.bbc.co.uk/news/business-12345678"
)


def returning_guest(**fields):
    return new_guest(approved_count=4, **fields)


def test_a_guest_citing_three_news_sources_is_published():
    decision = screen(CITING, returning_guest())
    assert decision.action == Action.PUBLISH, decision.reasons


def test_a_video_link_from_a_regular_guest_is_published():
    assert screen("The whole council meeting is here: https://youtu.be/abc123XYZ", returning_guest()).action \
        == Action.PUBLISH


def test_a_link_shortener_holds_even_for_an_account_holder():
    decision = screen("Read the real story at https://bit.ly/3xYzAbc before you judge.", regular())
    assert decision.action == Action.HOLD
    assert "link shortener: bit.ly" in decision.reasons


def test_many_links_hold():
    body = " ".join(f"https://www.bbc.co.uk/news/{n}" for n in range(4))
    decision = screen("Sources: " + body, returning_guest())
    assert decision.action == Action.HOLD
    assert any("4 links (limit 3 for guest)" in reason for reason in decision.reasons)


def test_a_domain_new_to_the_site_holds_a_guest_until_a_published_comment_links_it():
    text = "The planning papers are on https://www.ourtownwatch.example/plans/2026"
    decision = screen(text, returning_guest())
    assert decision.action == Action.HOLD
    assert decision.reasons == ("link to a domain new to this site: ourtownwatch.example",)
    assert screen(text, regular()).action == Action.PUBLISH  # account holders are not held for it

    published = screen(text, regular())
    record(published, "comment", 1, regular())
    assert LinkedDomain.objects.get(domain="ourtownwatch.example").published_links == 1
    later = "The minutes are up as well: https://ourtownwatch.example/minutes"
    assert screen(later, returning_guest()).action == Action.PUBLISH


def test_a_link_in_a_first_comment_holds_unless_the_domain_is_trusted():
    first = regular(approved_count=0)  # account holders' first comments are not reviewed otherwise
    decision = screen("More at http://cheap-watches.example/deal", first)
    assert decision.action == Action.HOLD
    assert decision.reasons == ("link in a first comment: cheap-watches.example",)
    assert screen("The report: https://www.gov.uk/government/publications/report.pdf", first).action \
        == Action.PUBLISH


def test_the_publisher_edits_the_trusted_list():
    admin = User.objects.create_superuser("admin", password="pw-for-tests-only")
    text = "Our local paper covered it: https://news.localpaper.example/story/42"
    assert screen(text, returning_guest()).action == Action.HOLD
    do_update_settings(admin, trusted_link_domains="localpaper.example\n.gov\n")
    assert screen(text, returning_guest()).action == Action.PUBLISH  # subdomains are covered
    assert screen("See https://www.census.gov/data", returning_guest()).action == Action.PUBLISH
    assert screen("See https://www.reuters.com/x", returning_guest()).action == Action.HOLD  # no longer listed


def test_link_parsing_and_matching():
    assert link_hosts("a http://WWW.Example.COM/x and www.b.org, c.co.uk/page") == ["example.com", "b.org", "c.co.uk"]
    trusted = parse_trusted("example.org  # our partner\n.gov, bbc.co.uk")
    assert trusted == ("example.org", ".gov", "bbc.co.uk")
    assert is_trusted("news.example.org", trusted)
    assert is_trusted("census.gov", trusted)
    assert not is_trusted("notexample.org", trusted)
    assert not is_trusted("gov.evil.com", trusted)


def test_link_hosts_quick_look_misses_no_link_form():
    # The quick first look (a "/" or "." before a letter or "/", or "www.") must not hide any form of link.
    assert link_hosts("plain text. with sentences... and e.g. abbreviations") == []
    assert link_hosts("see HTTPS://Example.ORG/a") == ["example.org"]
    assert link_hosts("go to www.1stparty.net now") == ["1stparty.net"]
    assert link_hosts("mirror at 123-go.io") == ["123-go.io"]
    assert link_hosts("two: http://a.com and http://b.com") == ["a.com", "b.com"]
