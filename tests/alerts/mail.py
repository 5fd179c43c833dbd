"""A mail backend that can be "down": it raises like an unreachable SMTP server, then
recovers and delivers to Django's locmem outbox (mail.outbox)."""

from django.core.mail.backends.locmem import EmailBackend

BACKEND = "tests.alerts.mail.FlakyBackend"


class FlakyBackend(EmailBackend):
    down = False
    attempts = 0

    def send_messages(self, messages):
        FlakyBackend.attempts += 1
        if FlakyBackend.down:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)
