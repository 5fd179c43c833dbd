"""A mail server that can refuse: while `refusing` is set, sending raises as a real SMTP
server or network does (`SMTPRecipientsRefused`-like SMTPException, or "connection refused");
otherwise messages land in Django's locmem outbox (mail.outbox). For a real SMTP server that
refuses, then accepts, see smtp_server.py."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

BACKEND = "tests.core.mail.RefusingBackend"


class RefusingBackend(EmailBackend):
    refusing = None  # None, "smtp" or "connection"
    calls = 0

    def send_messages(self, messages):
        RefusingBackend.calls += 1
        if RefusingBackend.refusing == "smtp":
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        if RefusingBackend.refusing == "connection":
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)
