"""django-axes' backend, able to load the signed-in user.

Axes must come first in AUTHENTICATION_BACKENDS, and its backend only refuses locked-out
sign-ins: it has no `get_user`. A session that records it as the backend that signed the user
in (Django's test client and Wagtail's test helpers log in with the first backend listed)
then failed on every request with an AttributeError; Django's ModelBackend loads the user.
"""

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend

__all__ = ["AxesBackend"]


class AxesBackend(AxesStandaloneBackend):
    def get_user(self, user_id):
        return ModelBackend().get_user(user_id)
