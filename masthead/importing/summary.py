"""What an import did, per kind of record: created, updated, skipped and orphaned, with the reasons."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Protocol


class Writable(Protocol):
    """Where the summary is written: a text stream, or a management command's stdout."""

    def write(self, text: str, /) -> object: ...

MAX_LISTED_ERRORS = 50


@dataclass
class KindCounts:
    created: int = 0
    updated: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> count
    orphaned: Counter[str] = field(default_factory=Counter)  # reason -> count (the object was still created)


@dataclass
class Summary:
    source: str = ""
    dry_run: bool = False
    kinds: defaultdict[str, KindCounts] = field(default_factory=lambda: defaultdict(KindCounts))
    errors: list[str] = field(default_factory=list)  # items that could not be imported, each named
    error_count: int = 0

    def created(self, kind: str, n: int = 1) -> None:
        self.kinds[kind].created += n

    def updated(self, kind: str) -> None:
        self.kinds[kind].updated += 1

    def skipped(self, kind: str, reason: str, n: int = 1) -> None:
        self.kinds[kind].skipped[reason] += n

    def orphaned(self, kind: str, reason: str) -> None:
        self.kinds[kind].orphaned[reason] += 1

    def error(self, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(message)

    def count(self, kind: str, what: str) -> int:
        """One figure: ``what`` is "created", "updated", "skipped" or "orphaned"."""
        counts = self.kinds[kind] if kind in self.kinds else KindCounts()
        value = getattr(counts, what)
        return value if isinstance(value, int) else sum(value.values())

    def as_dict(self) -> dict[str, dict[str, object]]:
        return {
            kind: {
                "created": c.created, "updated": c.updated,
                "skipped": dict(c.skipped), "orphaned": dict(c.orphaned),
            }
            for kind, c in sorted(self.kinds.items())
        }

    def write(self, out: Writable) -> None:
        title = f"Import from {self.source}"
        if self.dry_run:
            title += " (dry run: nothing was written; these are the changes a real run would make)"
        out.write(title + "\n\n")
        out.write(f"{'':20}{'created':>9}{'updated':>9}{'skipped':>9}{'orphaned':>9}\n")
        for kind, counts in sorted(self.kinds.items()):
            out.write(
                f"{kind:20}{counts.created:>9}{counts.updated:>9}{sum(counts.skipped.values()):>9}"
                f"{sum(counts.orphaned.values()):>9}\n"
            )
        for label, attribute in (("Skipped", "skipped"), ("Orphaned (kept)", "orphaned")):
            lines = [
                f"  {kind} x{n}: {reason}"
                for kind, counts in sorted(self.kinds.items())
                for reason, n in sorted(getattr(counts, attribute).items())
            ]
            if lines:
                out.write(f"\n{label}:\n" + "\n".join(lines) + "\n")
        if self.error_count:
            out.write(f"\nNot imported because of errors ({self.error_count}):\n")
            out.write("".join(f"  {message}\n" for message in self.errors))
            if self.error_count > len(self.errors):
                out.write(f"  ... and {self.error_count - len(self.errors)} more\n")
