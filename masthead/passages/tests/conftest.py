"""Fixtures of the passages tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE_TEMPLATE = Path(__file__).resolve().parents[2] / "publishing" / "templates" / "publishing" / "article.html"


@pytest.fixture(autouse=True)
def _publisher_holds_nothing_by_rule(relaxed_moderation) -> None:
    """These tests are about passages; moderation's rules (first-comment review...) have their own tests."""


@pytest.fixture
def article_template_with_marks(settings, tmp_path):
    """Publishing's article template with ``{% passage_marks article %}`` after the body, until the lead adds it."""
    source = ARTICLE_TEMPLATE.read_text()
    if "passage_marks" not in source:
        source = source.replace("{% load ", "{% load passage_tags ", 1).replace(
            '<div class="article__body prose wrap" id="article-body">{{ article.body_html|safe }}</div>',
            '<div class="article__body prose wrap" id="article-body">{{ article.body_html|safe }}</div>'
            "{% passage_marks article %}",
        )
        assert "{% passage_marks article %}" in source
        (tmp_path / "publishing").mkdir()
        (tmp_path / "publishing" / "article.html").write_text(source)
        engine = dict(settings.TEMPLATES[0])
        engine["DIRS"] = [tmp_path, *engine["DIRS"]]
        settings.TEMPLATES = [engine]
