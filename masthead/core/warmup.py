"""Work a server process does once at start, so the first reader or writer after a deploy does not pay for it.

It also freezes what start-up allocated out of the garbage collector's full collections (see below).

Without it the first comment posted to each process loaded the moderation model, the confusables table and the
Markdown renderer (about a third of a second), which a reader notices and which sat in every posting benchmark's p99;
and the first request of any kind imported the URL modules and the API's schemas (another 0.2 s).
Warming reads only files shipped with Masthead: it never touches the database, which may not be migrated yet
(so a site-trained model, named in the database, still loads on first use). The apps above core add their own
warming to ``on_start`` in their ``AppConfig.ready()`` (moderation's model, accounts' confusables table).
"""

from __future__ import annotations

import gc
import logging

from django.urls import get_resolver, reverse

from masthead.core.hooks import Listeners
from masthead.core.markdown import render_article, render_comment

log = logging.getLogger(__name__)

on_start: Listeners[[]] = Listeners("core.warm_up")


def warm_up() -> None:
    try:
        # The URL modules, the API's with its schemas among them: Django imports them on a process's first
        # request (200 ms, and on the event loop, which routes by view), then builds its lookup tables.
        get_resolver().url_patterns  # noqa: B018 (the attribute's first read imports them)
        reverse("publishing:home")
        render_comment("Warming *up* the [renderer](https://example.invalid/).")
        render_article("Warming **up**.")
        on_start.send()
    except Exception:  # a broken model file must not stop the server; the first post will report it
        log.exception("Warming up the server process failed")
    # Everything loaded so far (Django, the apps, the model's hundreds of thousands of weights) lives as long as
    # the process: moved out of the collector's sight, a full collection no longer walks it. Those walks were
    # 45-60 ms pauses, a few per minute under load: the slowest posts and page loads of the benchmarks.
    gc.collect()
    gc.freeze()
