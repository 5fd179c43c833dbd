"""A real SMTP server for the tests (aiosmtpd, in a thread, on a free local port), that refuses
as a mail server does, then accepts; with Django's own SMTP backend pointed at it.

    def test_something(smtp_server):
        smtp_server.refuse()                 # 451 4.3.0 to every message until accept()
        smtp_server.refuse(PERMANENT, times=2)  # 550 to the next two messages only
        smtp_server.stop()                   # down: the port is closed (start() again)
        with smtp_server.in_use():           # EMAIL_BACKEND = Django's SMTP backend, this port
            ...
        smtp_server.received                 # the accepted messages (Received), in order

The refusal is the answer to the end of DATA, where a real server says what it thinks of a
message (greylisting, a full queue, a policy), so Django's backend raises SMTPDataError. Other
test modules use it by importing the fixture: `from tests.core.smtp_server import smtp_server`.
"""

import atexit
import email
import socket
import threading
from contextlib import closing
from dataclasses import dataclass
from email import policy

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

__all__ = ["PERMANENT", "TEMPORARY", "Received", "SMTPServer", "free_port", "smtp_server"]

#: A temporary refusal (RFC 3463 4.3.0): the sender is to try again later.
TEMPORARY = "451 4.3.0 Try again later"
#: A permanent refusal (5.7.1, delivery not authorized).
PERMANENT = "550 5.7.1 Message refused"

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@dataclass(frozen=True)
class Received:
    """One message the server accepted, as its reader's mail program would see it."""

    sender: str
    recipients: list
    message: email.message.EmailMessage

    @property
    def to(self):
        return [address.addr_spec for address in self.message["To"].addresses]

    @property
    def subject(self):
        # Django may fold a long encoded subject onto its next line; mail programs show it
        # without the space that folding leaves in front.
        return str(self.message["Subject"]).strip()

    @property
    def language(self):
        return self.message["Content-Language"]

    @property
    def reply_to(self):
        header = self.message["Reply-To"]
        return [address.addr_spec for address in header.addresses] if header else []

    @property
    def text(self):
        return self.message.get_body(("plain",)).get_content()

    @property
    def html(self):
        part = self.message.get_body(("html",))
        return part.get_content() if part is not None else ""


class _Handler:
    """aiosmtpd's handler: the answer to each message's DATA."""

    def __init__(self, server):
        self.server = server

    async def handle_DATA(self, smtp, session, envelope):
        return self.server._answer(envelope)


def free_port():
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SMTPServer:
    """The server and what it was told: see the module's docstring."""

    host = "127.0.0.1"

    def __init__(self, port=None):
        self.port = port or free_port()
        self._lock = threading.Lock()
        self._controller = None
        self.reset()

    def reset(self):
        with self._lock:
            self.received = []
            self.refusals = []  # (reply, recipients) of each refused message
            self._reply = None
            self._times = None

    def start(self):
        if self._controller is None:
            # A new controller each time: a stopped one has closed its event loop.
            self._controller = Controller(_Handler(self), hostname=self.host, port=self.port)
            self._controller.start()

    def stop(self):
        """Down: nothing listens on the port any more (connection refused)."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def running(self):
        return self._controller is not None

    def refuse(self, reply=TEMPORARY, times=None):
        """Refuse the next `times` messages (every one until `accept()` when None)."""
        with self._lock:
            self._reply, self._times = reply, times

    def accept(self):
        with self._lock:
            self._reply, self._times = None, None

    def in_use(self, **extra):
        """Settings that send through Django's SMTP backend to this server, without TLS
        (`extra` settings override them, e.g. EMAIL_BACKEND set to the outbox's)."""
        return override_settings(
            **{
                "EMAIL_BACKEND": SMTP_BACKEND,
                "OUTBOX_EMAIL_BACKEND": SMTP_BACKEND,
                "EMAIL_HOST": self.host,
                "EMAIL_PORT": self.port,
                "EMAIL_HOST_USER": "",
                "EMAIL_HOST_PASSWORD": "",
                "EMAIL_USE_TLS": False,
                "EMAIL_USE_SSL": False,
                "EMAIL_TIMEOUT": 5,
                **extra,
            }
        )

    def _answer(self, envelope):
        """Called in the server's thread for each message."""
        with self._lock:
            if self._reply is not None:
                reply = self._reply
                if self._times is not None:
                    self._times -= 1
                    if self._times <= 0:
                        self._reply, self._times = None, None
                self.refusals.append((reply, list(envelope.rcpt_tos)))
                return reply
            message = email.message_from_bytes(envelope.original_content, policy=policy.default)
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 2.0.0 OK"


_server = None


def _shared_server():
    """One server per test process, started at first use (its thread is a daemon; stopped
    at exit)."""
    global _server
    if _server is None:
        _server = SMTPServer()
        atexit.register(_server.stop)
    return _server


@pytest.fixture
def smtp_server():
    """The test's real SMTP server, running, accepting and empty; so again after the test."""
    server = _shared_server()
    server.start()
    server.reset()
    yield server
    server.start()
    server.reset()
