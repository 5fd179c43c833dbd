"""Admin registration of the expressions of interest (its permission policy is registered
in apps.py, before anything can ask for it)."""

from wagtail import hooks

from .viewsets import expression_of_interest_viewset


@hooks.register("register_admin_viewset")
def register_expressions_of_interest():
    return expression_of_interest_viewset
