"""A real SMTP server for tests: aiosmtpd on a free loopback port, keeping every message it accepts."""

from __future__ import annotations

import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command


class MailServer:
    """What the server accepted. ``refuse`` holds SMTP replies to give the next DATA commands instead (retries).

    ``before_accept``, when set, is called with the number of each DATA command (1, 2, ...) once the message is in
    and before the server answers: it may wait (the client is then between sending the mail and hearing the
    answer), kill the client, or return a reply to give instead of accepting the message (None: accept it).
    ``before_hello``, when set, is called likewise with the number of each EHLO before the server answers it (the
    client has connected and has sent no mail yet)."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []
        self.refuse: list[str] = []
        self.before_accept: Callable[[int], str | None] | None = None
        self.before_hello: Callable[[int], object] | None = None
        self.data_commands = 0
        self.hellos = 0
        self.lock = threading.Lock()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_EHLO(self, server: SMTP, session: Session, envelope: Envelope, hostname: str,
                          responses: list[str]) -> list[str]:
        session.host_name = hostname  # what aiosmtpd does itself when there is no EHLO hook
        with self.lock:
            self.hellos += 1
            number = self.hellos
        if self.before_hello is not None:
            self.before_hello(number)
        return responses

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self.lock:
            self.data_commands += 1
            number = self.data_commands
        if self.before_accept is not None:
            reply = self.before_accept(number)
            if reply is not None:
                return reply
        with self.lock:
            if self.refuse:
                return self.refuse.pop(0)
            content = envelope.content
            if not isinstance(content, bytes):  # never: decode_data is off, so aiosmtpd hands over bytes
                content = (content or "").encode()
            self.received.append((envelope.mail_from or "", list(envelope.rcpt_tos), content))
        return "250 Message accepted"

    def start(self) -> None:
        self._controller.start()

    def stop(self) -> None:
        self._controller.stop()

    @property
    def messages(self) -> list[EmailMessage]:
        with self.lock:
            raw = [content for _, _, content in self.received]
        return [message_from_bytes(content, policy=policy.default) for content in raw]

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.messages if message["To"] == address]

    def last_link(self, address: str, path: str) -> str:
        """The last link containing ``path`` in the newest message to ``address`` (its text part)."""
        message = self.wait_for(to=address)[-1]
        body = (message.get_body(("plain",)) or message).get_content()
        links = re.findall(rf"https?://\S*{re.escape(path)}\S*", body)
        assert links, f"no link with {path} in the mail to {address}"
        return links[-1]

    def wait_for(self, count: int = 1, *, to: str | None = None, timeout: float = 20.0) -> list[EmailMessage]:
        """The messages (to ``to`` if given) once there are at least ``count``; fails the test after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.to(to) if to is not None else self.messages
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {count} mail(s){f' to {to}' if to else ''}")
            time.sleep(0.02)

    @contextmanager
    def holding_data(self, send: Callable[[], Any]) -> Iterator[list[Any]]:
        """Run ``send`` in a thread of its own and hold the first message it hands over (DATA received, no answer
        yet) while the block runs: the moment a killed sender would leave behind. The server then accepts it; the
        list yielded ends up holding what ``send`` returned, or the error it raised."""
        in_data, answer = threading.Event(), threading.Event()
        outcome: list[Any] = []

        def hold(_number: int) -> str | None:
            in_data.set()
            answer.wait(20)
            return None

        def run() -> None:
            from django.db import connection

            try:
                outcome.append(send())
            except BaseException as error:  # handed to the test in ``outcome``
                outcome.append(error)
            finally:
                connection.close()  # the thread's own connection

        self.before_accept = hold
        sender = threading.Thread(target=run)
        sender.start()
        try:
            assert in_data.wait(20), "the send never reached DATA"
            yield outcome
        finally:
            answer.set()
            sender.join(20)
            self.before_accept = None
