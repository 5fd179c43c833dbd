"""The alerts' strings the tests look for; what is expected in a language comes from the
project's catalogues through gettext (tests.interest.translations.translated)."""

ALERT_SUBJECT = "New partnership opportunity: %(title)s"
CONFIRM_SUBJECT = "Confirm your registration for partnership opportunities"
MANAGE_SUBJECT = "Your subscription to partnership opportunities"
NOT_TRANSLATED = "This opportunity is not yet available in your language: here it is in English."
THANKS = "Thank you. Check your inbox."
