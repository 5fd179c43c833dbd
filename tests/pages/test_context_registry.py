"""Page models reach what they show through the context registry, never by importing it: the
builders of each page type are registered, a feature app adds its own, and a route left
without a builder is an error rather than an empty page."""

import pytest
from django.test import RequestFactory

from cms.interest.views import handle_interest, interest_context
from cms.pages.context import registry
from cms.pages.context.home import home_page_context
from cms.pages.context.opportunity import opportunity_context, opportunity_index_context
from cms.pages.models import HomePage, OpportunityIndexPage, OpportunityPage, StandardPage

pytestmark = pytest.mark.django_db


def test_each_page_type_has_its_builders_and_feature_apps_add_theirs():
    assert registry._builders[(HomePage, "")] == [home_page_context]
    assert registry._builders[(OpportunityIndexPage, "")] == [opportunity_index_context]
    # The pages' own context first, then the expression-of-interest form's.
    assert registry._builders[(OpportunityPage, "")] == [opportunity_context, interest_context]
    assert registry._responders[OpportunityPage] == [handle_interest]


def test_a_plain_page_gets_no_extra_context_and_no_early_answer():
    request = RequestFactory().post("/")
    page = StandardPage(title="About")

    assert registry.context_for(page, request) == {}
    assert registry.response_to(page, request) is None


def test_a_route_without_builder_is_an_error_not_an_empty_page():
    with pytest.raises(LookupError):
        registry.context_for(StandardPage(title="About"), RequestFactory().get("/"), view="nope")


def test_builders_of_a_parent_class_apply_first_and_responders_answer_in_turn(monkeypatch):
    monkeypatch.setattr(registry, "_builders", registry.defaultdict(list))
    monkeypatch.setattr(registry, "_responders", registry.defaultdict(list))

    class Base:
        pass

    class Child(Base):
        pass

    registry.builds(Base)(lambda page, request: {"who": "base", "base": True})
    registry.builds(Child)(lambda page, request: {"who": "child"})
    registry.answers(Child)(lambda page, request: None)
    registry.answers(Child)(lambda page, request: "answered")

    assert registry.context_for(Child(), None) == {"who": "child", "base": True}
    assert registry.response_to(Child(), None) == "answered"
    assert registry.response_to(Base(), None) is None
