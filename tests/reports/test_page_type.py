"""The statistics page type: where it may be created, once per home page, renderable."""

from wagtail.test.utils import WagtailPageTestCase

from cms.pages.models import HomePage, StandardPage
from cms.reports.models import StatisticsPage


class StatisticsPageTypeTests(WagtailPageTestCase):
    def test_one_statistics_page_per_home_page(self):
        self.assertAllowedParentPageTypes(StatisticsPage, {HomePage})
        self.assertAllowedSubpageTypes(StatisticsPage, set())
        self.assertCanNotCreateAt(StandardPage, StatisticsPage)
        home = HomePage.objects.first()
        self.assertTrue(StatisticsPage.can_create_at(home))
        home.add_child(instance=StatisticsPage(title="Statistics", slug="statistics"))
        self.assertFalse(StatisticsPage.can_create_at(home))

    def test_renderable_without_routing(self):
        home = HomePage.objects.first()
        page = home.add_child(instance=StatisticsPage(title="Statistics", slug="statistics"))
        self.assertPageIsRenderable(page)
