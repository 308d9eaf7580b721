"""``ENGINE: masthead.core.sqlite_backend``: Django's SQLite backend whose transactions take a writer's turn
(``turns.py``) before ``BEGIN`` and give it back when they commit, roll back or their connection closes."""

from __future__ import annotations

from typing import Any

from django.db.backends.sqlite3 import base

from masthead.core.sqlite_backend.turns import WriterTurns, turns_for


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._turn: WriterTurns | None = None

    def _writer_turns(self) -> WriterTurns | None:
        name = str(self.settings_dict["NAME"] or "")
        if not name or self.is_in_memory_db():
            return None  # one connection's private database: nobody to take turns with
        return turns_for(name)

    def _start_transaction_under_autocommit(self) -> None:
        turns = self._writer_turns()
        if turns is None:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # Django's private API
            return
        timeout = float(self.settings_dict["OPTIONS"].get("timeout", 5))
        with self.wrap_database_errors:
            turns.acquire(timeout)
        self._turn = turns
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]  # Django's private API
        except BaseException:
            self._end_turn()
            raise

    def _end_turn(self) -> None:
        turn, self._turn = self._turn, None
        if turn is not None:
            turn.release()

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]  # Django's private API
        finally:
            self._end_turn()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]  # Django's private API
        finally:
            self._end_turn()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]  # Django's private API
        finally:
            self._end_turn()
