"""The scenarios: what each server is asked, how hard, and what is recorded (one ``Row`` per server and load).

Every measurement runs one server at a time (nothing else of the harness is loading the machine), samples the
resident memory of that server's process tree during the load, and keeps wrk's figures.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from benchmarks import pacer, wrk
from benchmarks.procs import MemorySampler

SCENARIOS: dict[str, str] = {
    "article": "Article page with 200 comments, anonymous reader (origin alone), against WordPress and nginx",
    "signed-in": "The article page for a signed-in supporter (a session cookie: no shared cache), with 1-3 processes",
    "microcache": "The same article page through deploy/nginx-microcache.conf, and a new comment's freshness",
    "thread": "Thread JSON, first page of the 200-comment thread, against Isso's thread API",
    "deep": "First page and a deep 'load more' page of the 100,000-comment thread vs. the 10-comment thread",
    "post": "Posting comments at a steady rate while readers load the article page",
    "memory": "Resident memory of the app processes while readers load random articles of the large dataset",
    "funding": "Funding bar update under a burst of Stripe webhooks",
    "import": "`masthead import wordpress` of a generated WXR (articles x comments of the sizes): time, peak memory",
}

PEER_MIN_SECONDS = 10
SIGNED_IN_PAGE = "GET article page, signed in"  # the label the report's signed-in goal looks for
SCALING_PROCESSES = (1, 2, 3)  # `masthead serve --workers N` for the signed-in page on PostgreSQL
# The two posting runs (labels the report looks for).
POST_WHILE_READING = "POST comment (API), readers reading"
POST_WHILE_FLOODED = "POST comment (API), readers not pausing"
CSRF = "benchmarkcsrftokenbenchmarkcsrf0"  # any 32 characters: Django compares the header with the cookie


@dataclass(frozen=True)
class Config:
    seconds: int
    post_seconds: int  # the posting goal's run (reading readers): longer, so its p99 is not a handful of posts
    connections: int  # for Masthead and nginx
    peer_connections: int  # for WordPress and Isso: a few per worker; more only queue
    readers: int  # concurrent readers during the posting scenario
    reader_pause_ms: int  # mean pause of each reader between two pages (the reading-pace run of that scenario)
    post_rate: int  # posts per second (paced)
    threads: int
    workers: int  # `masthead serve --workers`
    quick: bool


@dataclass
class Row:
    scenario: str
    server: str
    label: str  # what was requested
    result: wrk.Result | None
    rss_total: int = 0  # peak sum of the server's process tree
    rss_process: int = 0  # peak of its largest single process
    rss_process_anon: int = 0  # peak anonymous (heap) memory of its largest process
    connections: int = 0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        fields = {key: value for key, value in vars(self).items() if key != "result"}
        return {**fields, "result": self.result.as_dict() if self.result else None}


@dataclass
class Bench:
    config: Config
    rows: list[Row] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def skip(self, scenario: str, reason: str) -> None:
        print(f"  skipped {scenario}: {reason}", flush=True)
        self.skipped.append((scenario, reason))

    def _record(self, row: Row) -> Row:
        self.rows.append(row)
        r = row.result
        if r is not None:
            errors = f", {r.errors} errors" if r.errors else ""
            print(f"  {row.scenario:10} {row.server:38} {row.label:34} {r.rps:10.1f} req/s  p50 {r.p50_ms:8.2f} ms"
                  f"  p99 {r.p99_ms:8.2f} ms  rss {row.rss_total / 2**20:7.1f} MiB{errors}", flush=True)
        return row

    def load(self, url: str, *, peer: bool = False, **changes: Any) -> wrk.Load:
        conns = self.config.peer_connections if peer else self.config.connections
        # A peer page can take seconds on a busy machine: its loads last long enough for several to complete.
        seconds = max(self.config.seconds, PEER_MIN_SECONDS) if peer else self.config.seconds
        base = {"url": url, "seconds": seconds, "connections": conns, "threads": self.config.threads}
        return wrk.Load(**{**base, **changes})

    def measure(self, scenario: str, server: str, label: str, load: wrk.Load, pids: list[int],
                note: str = "") -> Row:
        with MemorySampler(pids) as memory:
            result = wrk.run(load)
        return self._record(Row(scenario, server, label, result, memory.peak_total, memory.peak_process,
                                memory.peak_process_anon, load.connections, note))

    def measure_mixed(self, scenario: str, server: str, readers: wrk.Load, writers: wrk.Load | pacer.Load,
                      pids: list[int], *, reader_label: str, writer_label: str) -> tuple[Row, Row]:
        """Readers and writers at the same time, from two load processes; one row each."""
        driver = pacer if isinstance(writers, pacer.Load) else wrk
        with MemorySampler(pids) as memory:
            reading = wrk.start(readers)
            writing = driver.start(writers)
            written = driver.finish(*writing, writers)
            read = wrk.finish(*reading, readers)
        if isinstance(writers, pacer.Load):
            writer_note = f"sent on schedule at {writers.rate}/s, latency from the due time (open loop)"
            reader_note = f"while posting at {writers.rate}/s"
        elif writers.delay_ms:
            rate = f"{writers.connections * 1000 // writers.delay_ms}/s"
            writer_note, reader_note = f"paced at {rate}", f"while posting at {rate}"
        else:
            writer_note, reader_note = "as fast as answered", f"during the {writer_label.split(' (')[0]} burst"
        if readers.delay_ms:
            reader_note += f"; each reader pauses {readers.delay_ms / 1000:g} s on average between pages"
        peaks = (memory.peak_total, memory.peak_process, memory.peak_process_anon)
        write_row = self._record(Row(scenario, server, writer_label, written, *peaks, writers.connections,
                                     writer_note))
        read_row = self._record(Row(scenario, server, reader_label, read, *peaks, readers.connections, reader_note))
        return write_row, read_row

    def post_load(self, url: str, body: str, headers: tuple[tuple[str, str], ...], seconds: int) -> pacer.Load:
        """``post_rate`` posts per second, each sent when due whatever the earlier ones' answers (open loop)."""
        return pacer.Load(url=url, rate=self.config.post_rate, seconds=seconds, body=body, headers=headers)


def signed_in_headers(session: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """What a signed-in browser sends with a page request: its session and CSRF cookies."""
    cookie = f"{session['session_cookie']}={session['sessionid']}; csrftoken={session['csrftoken']}"
    return (("Cookie", cookie),)


def check_signed_in_page(url: str, session: dict[str, Any]) -> str:
    """Refuse to measure a page that is not the signed-in reader's: 200, private, and without the guest's name
    field (the form of a signed-in reader has none). Returns the page's Cache-Control."""
    request = urllib.request.Request(url, headers=dict(signed_in_headers(session)))
    with urllib.request.urlopen(request, timeout=30) as response:
        body, control = response.read(), response.headers.get("Cache-Control", "")
    if b'autocomplete="nickname"' in body or "private" not in control:
        raise RuntimeError(f"{url} with the session cookie is not a signed-in reader's page "
                           f"(Cache-Control {control!r}); the session was not accepted")
    return control


def masthead_post_load(bench: Bench, url: str, seconds: int) -> pacer.Load:
    body = json.dumps({"body": "Benchmark comment number {n}: the ferry timetable changes again next week.",
                       "author_name": "Bench reader {n}"})
    headers = (("Content-Type", "application/json"), ("Cookie", f"csrftoken={CSRF}"), ("X-CSRFToken", CSRF))
    return bench.post_load(url, body, headers, seconds)


def isso_post_load(bench: Bench, url: str, seconds: int) -> pacer.Load:
    body = json.dumps({"text": "Benchmark comment number {n}: the ferry timetable changes again next week.",
                       "author": "Bench reader {n}", "title": "Bench article"})
    return bench.post_load(url, body, (("Content-Type", "application/json"),), seconds)


def fetch(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method="POST" if data else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def stripe_signature(payload: bytes, secret: str, timestamp: int) -> str:
    """The ``Stripe-Signature`` header Stripe sends: HMAC-SHA256 of "<timestamp>.<payload>" with the secret."""
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def paid_checkout_event(n: int, campaign: int, amount: int) -> bytes:
    """A ``checkout.session.completed`` event for a new one-off, paid donation (API version 2024-06-20)."""
    pi = f"pi_bench_{n:09d}_{time.time_ns() % 10**9}"
    event = {
        "id": f"evt_bench_{pi}", "object": "event", "api_version": "2024-06-20", "created": int(time.time()),
        "livemode": False, "pending_webhooks": 1, "type": "checkout.session.completed",
        "data": {"object": {
            "id": f"cs_bench_{pi}", "object": "checkout.session", "mode": "payment", "payment_intent": pi,
            "amount_total": amount, "currency": "usd", "payment_status": "paid", "status": "complete",
            "customer": f"cus_bench_{n}", "customer_details": {"email": f"reader{n}@example.invalid",
                                                               "name": f"Bench Reader {n}"},
            "metadata": {"campaign": str(campaign), "frequency": "one_off", "anonymous": "0", "wall": "0"},
        }},
    }
    return json.dumps(event, separators=(",", ":")).encode()


def write_webhooks(path: str, secret: str, campaign: int, count: int) -> None:
    """``count`` signed webhook deliveries, one per line, for wrk's file POST script."""
    now = int(time.time())
    with open(path, "w") as out:
        for n in range(count):
            body = paid_checkout_event(n, campaign, 500 + n % 100)
            out.write(f"{stripe_signature(body, secret, now)}\t{body.decode()}\n")


def bar_update_seconds(base: str, funding_json: str, webhook_path: str, secret: str, campaign: int) -> float:
    """After the burst: one more donation, and the time until the public totals include it."""
    _, before = fetch(base + funding_json)
    raised = int(json.loads(before)["raised"])
    body = paid_checkout_event(999_999_999, campaign, 4_321)
    sent = time.monotonic()
    status, answer = fetch(base + webhook_path, data=body, headers={
        "Content-Type": "application/json", "Stripe-Signature": stripe_signature(body, secret, int(time.time()))})
    if status != 200:
        raise RuntimeError(f"webhook answered {status}: {answer[:300]!r}")
    while time.monotonic() - sent < 10:
        if int(json.loads(fetch(base + funding_json)[1])["raised"]) >= raised + 4_321:
            break
        time.sleep(0.01)
    return round(time.monotonic() - sent, 3)


def etag_of(url: str) -> str | None:
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        return response.headers.get("ETag")


def cache_diagnosis(url: str) -> str:
    """Why the micro-cache hits or misses: its status on a repeated request, and what the origin sent."""
    statuses, cookies, control = [], False, ""
    for _ in range(3):
        with urllib.request.urlopen(url, timeout=30) as response:
            statuses.append(response.headers.get("X-Micro-Cache", "?"))
            cookies = cookies or response.headers.get("Set-Cookie") is not None
            control = response.headers.get("Cache-Control", "") or "none"
            response.read()
    why = "; the origin sets a cookie on anonymous pages, so nginx stores none of them" if cookies else ""
    return f"cache status {'/'.join(statuses)} on three requests, Cache-Control {control}{why}"


def freshness(cache_base: str, article_path: str, post_url: str, *, trials: int = 5) -> list[float]:
    """Seconds until a comment posted through the cache shows on the cached article page, per trial."""
    delays = []
    for trial in range(trials):
        fetch(cache_base + article_path)  # the page is in the cache now
        marker = f"Freshness probe {time.time_ns()}-{trial}"
        status, body = fetch(
            post_url, data=json.dumps({"body": marker, "author_name": "Freshness probe"}).encode(),
            headers={"Content-Type": "application/json", "Cookie": f"csrftoken={CSRF}", "X-CSRFToken": CSRF},
        )
        if status not in (200, 201):
            raise RuntimeError(f"posting the freshness probe failed with {status}: {body[:300]!r}")
        shown = json.loads(body).get("status", "visible")
        if shown != "visible":
            raise RuntimeError(f"the freshness probe was not published (status {shown!r}): nothing to wait for")
        posted = time.monotonic()
        while time.monotonic() - posted < 10:
            if marker.encode() in fetch(cache_base + article_path)[1]:
                break
            time.sleep(0.02)
        delays.append(round(time.monotonic() - posted, 3))
    return delays
