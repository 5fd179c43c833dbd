"""The directory and recognitions page types: where editors may create them, and that they
render, are editable and can be previewed (the directory through its routes too)."""

from django.core.cache import cache
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.pages.directory_factories import PartnerDirectoryPageFactory, RecognitionsPageFactory
from cms.pages.models import HomePage, PartnerDirectoryPage, RecognitionsPage

from . import data


class DirectoryPageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.vocab = data.make_vocabularies()
        cls.partner = data.make_partner(cls.vocab, "Government of Australia")
        data.add_recognition(cls.partner)
        cls.directory = PartnerDirectoryPageFactory(parent=cls.home)
        cls.directory.save_revision().publish()
        cls.recognitions = RecognitionsPageFactory(parent=cls.home)
        cls.recognitions.save_revision().publish()

    def setUp(self):
        cache.clear()

    def test_one_of_each_under_a_home_page_and_nothing_under_them(self):
        for page_type in (PartnerDirectoryPage, RecognitionsPage):
            with self.subTest(page_type=page_type.__name__):
                self.assertAllowedParentPageTypes(page_type, {HomePage})
                self.assertAllowedSubpageTypes(page_type, set())
                self.assertFalse(page_type.can_create_at(self.home))

    def test_pages_are_renderable(self):
        self.assertPageIsRenderable(self.directory)
        self.assertPageIsRenderable(self.recognitions)
        # The directory's routes: the list and a profile.
        self.assertPageIsRenderable(self.directory, route_path="/")
        self.assertPageIsRenderable(
            self.directory, route_path=f"/{self.partner.pk}/government-of-australia/"
        )

    def test_pages_are_editable_and_previewable(self):
        for page in (self.directory, self.recognitions):
            post_data = nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "introduction": "Edited introduction.",
                    "body": streamfield([("paragraph", rich_text("<p>Edited paragraph.</p>"))]),
                }
            )
            with self.subTest(page=page.title):
                self.assertPageIsEditable(page, post_data=post_data)
                self.assertPageIsPreviewable(page, post_data=post_data)

    def test_the_preview_of_the_directory_lists_the_partners(self):
        response = self.directory.make_preview_request()

        self.assertContains(response, "Government of Australia")
