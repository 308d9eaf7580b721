"""A publisher's static site for the browser tests: pages served from memory on another port of this machine.

Masthead's live server is ``http://127.0.0.1:<port>``; a host site is reached as ``http://localhost:<port>``.
Browsers count ``localhost`` and ``127.0.0.1`` as different *sites* (ports do not make a site), so the host page
and the Masthead frame in it are cross-site, exactly as on the web, and third-party cookie rules apply.
"""

from __future__ import annotations

import http.server
import threading
from html import escape


class HostSite:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, list[tuple[str, str]]]] = {}
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                body, headers = site.pages.get(self.path.split("?")[0], ("Not found", []))
                data = body.encode()
                self.send_response(200 if self.path.split("?")[0] in site.pages else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.origin = f"http://localhost:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, body: str, headers: list[tuple[str, str]] | None = None) -> str:
        self.pages[path] = (body, headers or [])
        return self.origin + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def article_page(masthead: str, title: str, *, funding: bool = False, spacer: bool = True, extra: str = "") -> str:
    """A host article with the snippet as docs/embed.md gives it, below a screenful of text."""
    attrs = " data-masthead-funding" if funding else ""
    gap = '<div class="story" style="height: 2400px">The article text.</div>' if spacer else ""
    return (f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title></head>"
            f"<body><main><h1>{escape(title)}</h1>{gap}"
            f"<div data-masthead-thread{attrs}{extra}></div>"
            f"<script src='{masthead}/embed.js' async></script></main></body></html>")


def thread_frame(page):
    """Scroll the snippet into view and return the discussion frame once its script has run."""
    page.locator("[data-masthead-thread]").scroll_into_view_if_needed()
    handle = page.wait_for_selector("[data-masthead-thread] iframe")
    frame = handle.content_frame()
    frame.wait_for_selector("#comments.is-enhanced")
    return frame
