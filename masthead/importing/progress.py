"""Progress of a running import on stderr: a bar redrawn in place on a terminal, plain lines otherwise."""

from __future__ import annotations

import time
from typing import TextIO

BAR_WIDTH = 30
REDRAW_EVERY = 0.1  # seconds between redraws of the bar
PLAIN_EVERY = 500  # articles between plain lines when not on a terminal


class Progress:
    def __init__(self, stream: TextIO, total: int | None = None) -> None:
        self.stream = stream
        self.total = total
        self.tty = bool(getattr(stream, "isatty", lambda: False)())
        self.articles = 0
        self.comments = 0
        self._drawn_at = 0.0

    def advance(self, articles: int = 0, comments: int = 0) -> None:
        self.articles += articles
        self.comments += comments
        if self.tty:
            now = time.monotonic()
            if now - self._drawn_at >= REDRAW_EVERY:
                self._drawn_at = now
                self.stream.write("\r" + self._line())
                self.stream.flush()
        elif articles and self.articles % PLAIN_EVERY == 0:
            self.stream.write(self._line() + "\n")

    def _line(self) -> str:
        counts = f"{self.articles:,} articles, {self.comments:,} comments"
        if not self.total:
            return counts
        share = min(1.0, self.articles / self.total)
        filled = int(share * BAR_WIDTH)
        return f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share:4.0%} {counts} of {self.total:,} articles"

    def finish(self) -> None:
        if self.tty:
            self.stream.write("\r" + self._line() + "\n")
        else:
            self.stream.write(self._line() + " - done\n")
        self.stream.flush()
