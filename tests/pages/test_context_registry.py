"""Page models reach what they show through the context registry, never by importing it: the
builders of each page type are registered, a feature app adds its own, and a route left
without a builder is an error rather than an empty page."""

import pytest
from django.test import RequestFactory

from cms.interest.views import handle_interest, interest_context
from cms.pages.context import registry
from cms.pages.context.directory import directory_context
from cms.pages.context.home import home_page_context
from cms.pages.context.opportunity import opportunity_context, opportunity_index_context
from cms.pages.context.partners import profile_context, recognitions_context
from cms.pages.models import (
    HomePage,
    OpportunityIndexPage,
    OpportunityPage,
    PartnerDirectoryPage,
    RecognitionsPage,
    StandardPage,
)
from tests.core.import_graph import imports

pytestmark = pytest.mark.django_db


def test_each_page_type_has_its_builders_and_feature_apps_add_theirs():
    assert home_page_context in registry._builders[(HomePage, "")]
    assert opportunity_index_context in registry._builders[(OpportunityIndexPage, "")]
    # The pages' own context first, then the expression-of-interest form's.
    opportunity = registry._builders[(OpportunityPage, "")]
    assert opportunity.index(opportunity_context) < opportunity.index(interest_context)
    assert registry._responders[OpportunityPage] == [handle_interest]
    assert registry._builders[(PartnerDirectoryPage, "directory")] == [directory_context]
    assert registry._builders[(PartnerDirectoryPage, "partner")] == [profile_context]
    assert registry._builders[(RecognitionsPage, "")] == [recognitions_context]


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


def test_page_models_import_the_registry_and_never_a_builder_or_a_feature_app():
    for module, targets in imports().items():
        if module == "cms.pages.models" or module.startswith("cms.pages.models."):
            reached = {t for t in targets if t.startswith(("cms.pages.context", "cms.interest"))}
            assert reached <= {"cms.pages.context.registry"}, module
