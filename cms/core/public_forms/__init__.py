"""What every public form of the site does alike: the expression of interest, the alerts
registration and the sponsorship application, and any form that follows.

One place, so that the three cannot drift apart on what protects them and what a visitor
gets back: the bound form returned with its errors and everything typed, a honeypot, a
minimum fill time, a rate limit per client and per e-mail address, consent recorded with the
version of the privacy notice, and POST/redirect/GET to a thank-you. None of these needs a
CAPTCHA or JavaScript.

Each app mixes `PublicFormMixin` into its Django form (`fields.py`, with the fields the forms
share) and declares one `PublicForm` (`form.py`); its page's serve() hands a POST to
`PublicForm.handle` with the bound form and what to do with a valid one, and its
get_context() merges `PublicForm.context`. The form's template lays out its fields with
"components/form_field.html" and ends with "components/form_consent_and_trap.html". The
guards that tell people from software are in `guards.py`; how a POST is checked against
forgery without a token on the (cached) page, in `origin.py`.
"""

from .fields import (
    HONEYPOT_FIELD,
    PRIVACY_NOTICE_VERSION,
    ErrorSummaryMixin,
    PublicFormMixin,
    consent_given,
    contact_name_field,
    email_field,
    organisation_field,
)
from .form import SENT_PARAMETER, PublicForm, csrf_token_for
from .guards import (
    FILL_TIME_FIELD,
    MIN_FILL_SECONDS,
    RATE_LIMIT,
    RATE_WINDOW,
    TRUSTED_PROXY_COUNT_SETTING,
    client_ip,
    fill_token,
    filled_too_fast,
    ip_hash,
    is_limited,
    record,
)
from .origin import same_origin

__all__ = [
    "FILL_TIME_FIELD",
    "HONEYPOT_FIELD",
    "MIN_FILL_SECONDS",
    "PRIVACY_NOTICE_VERSION",
    "RATE_LIMIT",
    "RATE_WINDOW",
    "SENT_PARAMETER",
    "TRUSTED_PROXY_COUNT_SETTING",
    "ErrorSummaryMixin",
    "PublicForm",
    "PublicFormMixin",
    "client_ip",
    "consent_given",
    "contact_name_field",
    "csrf_token_for",
    "email_field",
    "fill_token",
    "filled_too_fast",
    "ip_hash",
    "is_limited",
    "organisation_field",
    "record",
    "same_origin",
]
