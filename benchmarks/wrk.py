"""Drive ``wrk`` (Debian's package) against 127.0.0.1 and read its figures.

Each run gets a generated Lua script whose ``done`` hook prints one JSON line with the exact figures (requests/s,
p50, p99 from wrk's own latency histogram, errors by kind), so nothing depends on wrk's human-readable layout.
The script can also send POSTs with a fresh body per request and pace each connection (``delay``), which is how
the posting scenario holds a steady rate while readers load pages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

_DONE = r"""
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50.0), latency:percentile(90.0), latency:percentile(99.0), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
"""

# A POST whose body template holds {n}: each request gets a number unique across threads, so servers that
# refuse duplicate comments take every one.
_POST = r"""
local counter = 0
thread_id = 0  -- global: setup() sets it in each thread's state
local next_thread = 0
setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end
request = function()
  counter = counter + 1
  local n = tostring(thread_id * 1000000 + counter)
  local body = string.gsub(BODY, "{n}", n)
  return wrk.format("POST", PATH, HEADERS, body)
end
"""

# A GET whose path holds {r}: a random number per request (for example a random article of the large site).
_RANDOM = r"""
request = function()
  local path = string.gsub(TEMPLATE, "{r}", tostring(math.random(0, RANDOM_MAX - 1)))
  return wrk.format("GET", path)
end
"""

# POSTs read from a file prepared in advance, one per line as "<value of SIGNED_HEADER>\t<body>" (for example
# Stripe webhooks, each signed over its exact bytes). Thread k of n sends lines k, k+n, k+2n... and wraps around
# when the file is exhausted (the server then sees replays).
_FILE_POST = r"""
thread_id = 0  -- global: setup() sets it in each thread's state
local next_thread = 0
local threads_total = 0
local lines = {}
local position = 0
setup = function(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
end
init = function(args)
  for line in io.lines(FILE) do
    local tab = string.find(line, "\t", 1, true)
    lines[#lines + 1] = {string.sub(line, 1, tab - 1), string.sub(line, tab + 1)}
  end
  position = thread_id - 1
end
request = function()
  local entry = lines[(position % #lines) + 1]
  position = position + THREADS
  local headers = {["Content-Type"] = "application/json"}
  headers[SIGNED_HEADER] = entry[1]
  return wrk.format("POST", PATH, headers, entry[2])
end
"""


@dataclass(frozen=True)
class Load:
    """One wrk run: what to request and how hard."""

    url: str
    seconds: int = 10
    connections: int = 50
    threads: int = 2
    method: str = "GET"
    body: str = ""  # for POST; "{n}" is replaced by a unique number per request
    headers: tuple[tuple[str, str], ...] = ()
    delay_ms: int = 0  # pause per connection between requests: paces the rate (connections * 1000 / delay_ms)
    # Draw each pause from [delay_ms / 2, 3 * delay_ms / 2] so paced connections (readers) drift apart instead
    # of arriving in waves; the mean rate stays the same.
    jitter: bool = False
    # GET a different path per request: "{r}" in the URL's path is replaced by a random number below random_max.
    random_max: int = 0
    # POST bodies from a file (see _FILE_POST): each line "<signed_header value>\t<body>".
    bodies_file: str = ""
    signed_header: str = ""


@dataclass(frozen=True)
class Result:
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors, timeouts and non-2xx/3xx responses
    non_2xx: int

    def as_dict(self) -> dict[str, float]:
        return {"rps": self.rps, "p50_ms": self.p50_ms, "p99_ms": self.p99_ms, "errors": self.errors,
                "non_2xx": self.non_2xx, "requests": self.requests}


def _lua_string(value: str) -> str:
    """``value`` as a Lua string literal: printable ASCII as is, every other byte of its UTF-8 as a decimal escape.

    Not ``json.dumps``: wrk's LuaJIT refuses JSON's ``\\u00e9`` (and ``\\u0001``), so a body, header or
    ``--bench-dir`` path with any non-ASCII character made wrk exit with a syntax error.
    """
    escaped = []
    for byte in value.encode():
        if byte in b'"\\':
            escaped.append("\\" + chr(byte))
        elif 0x20 <= byte < 0x7F:
            escaped.append(chr(byte))
        else:
            escaped.append(f"\\{byte:03d}")  # three digits: a digit after it cannot extend it
    return '"' + "".join(escaped) + '"'


def script_for(load: Load) -> str:
    parts = []
    threads = max(1, min(load.threads, load.connections))
    if load.bodies_file:
        path = urlsplit(load.url)
        parts.append(f"FILE = {_lua_string(load.bodies_file)}\nPATH = {_lua_string(path.path)}\n"
                     f"SIGNED_HEADER = {_lua_string(load.signed_header)}\nTHREADS = {threads}\n")
        parts.append(_FILE_POST)
    elif load.method == "POST":
        path = urlsplit(load.url)
        target = path.path + (f"?{path.query}" if path.query else "")
        headers = ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in load.headers)
        parts.append(f"BODY = {_lua_string(load.body)}\nPATH = {_lua_string(target)}\nHEADERS = {{{headers}}}\n")
        parts.append(_POST)
    elif load.random_max:
        path = urlsplit(load.url)
        target = path.path + (f"?{path.query}" if path.query else "")
        parts.append(f"TEMPLATE = {_lua_string(target)}\nRANDOM_MAX = {int(load.random_max)}\n")
        parts.append(_RANDOM)
    elif load.headers:
        parts.extend(f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}\n" for k, v in load.headers)
    if load.delay_ms and load.jitter:
        low, high = max(1, load.delay_ms // 2), load.delay_ms * 3 // 2
        parts.append(f"delay = function() return math.random({low}, {high}) end\n")
    elif load.delay_ms:
        parts.append(f"delay = function() return {int(load.delay_ms)} end\n")
    parts.append(_DONE)
    return "".join(parts)


def check_local(url: str) -> None:
    host = urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise ValueError(f"the benchmarks only load servers on this machine's loopback, not {host!r}")


def start(load: Load) -> tuple[subprocess.Popen[str], Path]:
    """Start wrk for ``load`` and return it with its script's path (for ``finish``)."""
    check_local(load.url)
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed: apt-get install wrk")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", prefix="masthead-bench-", delete=False) as script:
        script.write(script_for(load))
    threads = max(1, min(load.threads, load.connections))
    parts = urlsplit(load.url)
    # With a path template the script builds every request's path; wrk itself only needs the server.
    target = f"{parts.scheme}://{parts.netloc}/" if load.random_max else load.url
    args = [wrk, f"-t{threads}", f"-c{load.connections}", f"-d{load.seconds}s", "--latency",
            "--timeout", "10s", "-s", script.name, target]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True), Path(script.name)


def finish(proc: subprocess.Popen[str], script: Path, load: Load) -> Result:
    """Wait for a started wrk and parse the JSON line its ``done`` hook printed."""
    try:
        output, _ = proc.communicate(timeout=load.seconds + 60)
    finally:
        script.unlink(missing_ok=True)
    line = next((ln for ln in output.splitlines() if ln.startswith("WRK_JSON ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({proc.returncode}):\n{output[-2000:]}")
    data = json.loads(line.removeprefix("WRK_JSON "))
    seconds = data["duration_us"] / 1e6 or 1.0
    socket_errors = data["connect"] + data["read"] + data["write"] + data["timeout"]
    return Result(
        requests=data["requests"],
        rps=data["requests"] / seconds,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors=socket_errors + data["status"],
        non_2xx=data["status"],
    )


def run(load: Load) -> Result:
    proc, script = start(load)
    return finish(proc, script, load)
