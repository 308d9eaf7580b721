"""Article times are shown in the publication's time zone; machine-readable times stay UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from masthead.core.env import SettingError, env_time_zone
from masthead.testing.articles import make_article

# 15:30 UTC on 3 December is 04:30 on 4 December in Auckland (UTC+13 in summer): the date shifts.
PUBLISHED = datetime(2026, 12, 3, 15, 30, tzinfo=UTC)


@pytest.mark.django_db
@time_machine.travel(datetime(2026, 12, 4, 9, 0, tzinfo=UTC), tick=False)
def test_article_times_are_shown_in_the_publication_time_zone(client, settings):
    settings.TIME_ZONE = "Pacific/Auckland"
    article = make_article("Harbour ferry returns", published_at=PUBLISHED)

    html = client.get(article.get_absolute_url()).content.decode()
    assert ('<time datetime="2026-12-03T15:30:00+00:00" class="byline__published">4 December 2026, 04:30 NZDT</time>'
            in html)
    assert '<meta property="article:published_time" content="2026-12-03T15:30:00+00:00">' in html

    home = client.get("/").content.decode()
    assert '<time datetime="2026-12-03T15:30:00+00:00">4 Dec 2026</time>' in home


def test_the_time_zone_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("PUBLICATION_TIME_ZONE", raising=False)
    monkeypatch.delenv("TIME_ZONE", raising=False)
    assert env_time_zone("PUBLICATION_TIME_ZONE", fallbacks=("TIME_ZONE",)) == "UTC"

    monkeypatch.setenv("TIME_ZONE", "Europe/Berlin")
    assert env_time_zone("PUBLICATION_TIME_ZONE", fallbacks=("TIME_ZONE",)) == "Europe/Berlin"

    monkeypatch.setenv("PUBLICATION_TIME_ZONE", "America/Chicago")
    assert env_time_zone("PUBLICATION_TIME_ZONE", fallbacks=("TIME_ZONE",)) == "America/Chicago"

    monkeypatch.setenv("PUBLICATION_TIME_ZONE", "Mars/Olympus")
    with pytest.raises(SettingError, match="PUBLICATION_TIME_ZONE"):
        env_time_zone("PUBLICATION_TIME_ZONE", fallbacks=("TIME_ZONE",))


def test_settings_use_the_publication_time_zone(settings):
    assert settings.TIME_ZONE == settings.PUBLICATION_TIME_ZONE
