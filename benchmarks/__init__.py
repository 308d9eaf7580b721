"""Masthead's benchmarks: ``python -m benchmarks`` (``make bench``).

The harness seeds Masthead, starts ``masthead serve`` as an operator would, installs the peers a publisher would
pick instead (Isso, Debian's WordPress, nginx serving the same bytes) into a throwaway folder outside the
repository, drives every server with ``wrk`` on 127.0.0.1 for a bounded time, and writes the table into
``docs/benchmarks.md``. See that document for the scenarios, the commands and how to read the figures.
"""
