"""Page types: where editors may create them, and that each renders with every block."""

import json

from django.urls import reverse
from django.utils import translation
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.alerts.models import RegistrationPage
from cms.pages.models import (
    HomePage,
    OpportunityIndexPage,
    PartnerDirectoryPage,
    RecognitionsPage,
    StandardPage,
)
from cms.reports.models import StatisticsPage
from cms.sponsorship.models import SponsorshipIndexPage

from .html import parse

VIDEO_URL = "https://www.youtube.com/watch?v=partnerhub"


def every_block(page_id, image_id):
    """A body using each block of BaseStreamBlock once (both heading levels)."""
    return json.dumps(
        [
            {"type": "heading", "value": {"text": "Why partner with us", "level": "h2"}},
            {"type": "heading", "value": {"text": "Our regions", "level": "h3"}},
            {"type": "paragraph", "value": "<p>Partnerships make our <b>work</b> possible.</p>"},
            {
                "type": "call_to_action",
                "value": {
                    "title": "Find an opportunity",
                    "text": "Projects that need partners.",
                    "page": page_id,
                    "url": "",
                    "link_text": "Browse opportunities",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "title": "Read the report",
                    "text": "",
                    "page": None,
                    "url": "https://www.itu.int/",
                    "link_text": "ITU-D report",
                },
            },
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image_id,
                        "alt_text": "Signing ceremony",
                        "decorative": False,
                    },
                    "caption": "WTDC-17, Buenos Aires",
                },
            },
            {"type": "video", "value": {"video": VIDEO_URL, "caption": "Partners at WTDC-17"}},
        ]
    )


class PageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.image = Image.objects.create(title="Ceremony", file=get_test_image_file())
        # A stored embed, so that rendering never calls the provider.
        Embed.objects.create(
            url=VIDEO_URL,
            hash=get_embed_hash(VIDEO_URL),
            type="video",
            html='<iframe title="Partners at WTDC-17" src="https://www.youtube.com/embed/x"></iframe>',
            width=480,
            height=270,
        )
        cls.target = StandardPage(title="Opportunities", slug="opportunities")
        cls.home.add_child(instance=cls.target)
        cls.target.save_revision().publish()
        cls.page = StandardPage(
            title="How to partner",
            slug="how-to-partner",
            introduction="Ways to work with the Bureau.",
            body=every_block(cls.target.pk, cls.image.pk),
        )
        cls.home.add_child(instance=cls.page)
        cls.page.save_revision().publish()

    def test_home_page_goes_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertFalse(HomePage.can_create_at(self.home))
        self.assertTrue(HomePage.can_create_at(Page.get_first_root_node()))

    def test_content_pages_nest_under_home_and_content_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                OpportunityIndexPage,
                PartnerDirectoryPage,
                RecognitionsPage,
                StatisticsPage,
                SponsorshipIndexPage,
                RegistrationPage,
            },
        )
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_pages_are_renderable(self):
        # (Not assertPageIsRoutable: it routes the path with its /en/ prefix through the page
        # tree, which only Django's i18n_patterns strip.)
        for page in (self.home, self.page):
            with self.subTest(page=page.title):
                self.assertPageIsRenderable(page)

    def test_pages_are_editable_and_previewable(self):
        # The preview renders the public templates from the editor's unsaved form data. (The
        # StreamField's form is built in the browser, so its data is given here.)
        for page in (self.home, self.page):
            post_data = nested_form_data(
                {
                    "title": page.title,
                    "slug": page.slug,
                    "introduction": "Edited introduction.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Edited heading", "level": "h3"}),
                            ("paragraph", rich_text("<p>Edited paragraph.</p>")),
                        ]
                    ),
                }
            )
            with self.subTest(page=page.title):
                self.assertPageIsEditable(page, post_data=post_data)
                self.assertPageIsPreviewable(page, post_data=post_data)

    def test_preview_of_a_page_not_yet_saved(self):
        # A page being created has no translations yet: the switcher offers the home pages.
        self.client.force_login(self.create_superuser("editor"))
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=("pages", "standardpage", self.home.pk)
        )
        post_data = nested_form_data(
            {
                "title": "New page",
                "slug": "new-page",
                "introduction": "",
                "body": streamfield([("heading", {"text": "Draft heading", "level": "h2"})]),
            }
        )
        self.assertJSONEqual(
            self.client.post(url, post_data).content, {"is_valid": True, "is_available": True}
        )

        soup = parse(self.client.get(url))

        self.assertEqual(soup.h1.get_text(strip=True), "New page")
        self.assertEqual(soup.select_one("h2.block-heading").get_text(), "Draft heading")
        self.assertEqual(soup.html["lang"], "en")

    def test_every_block_renders(self):
        soup = parse(self.client.get("/en/how-to-partner/"))
        stream = soup.select_one("main .stream")

        self.assertEqual(stream.select_one("h2.block-heading").get_text(), "Why partner with us")
        self.assertEqual(stream.select_one("h3.block-heading").get_text(), "Our regions")
        self.assertEqual(stream.select_one(".rich-text b").get_text(), "work")
        ctas = stream.select(".block-cta")
        self.assertEqual(
            [(cta.select_one("a.button").get_text(strip=True), cta.a["href"]) for cta in ctas],
            [
                ("Browse opportunities", "/en/opportunities/"),
                ("ITU-D report", "https://www.itu.int/"),
            ],
        )
        image = stream.select_one("figure.block-image img")
        self.assertEqual(image["alt"], "Signing ceremony")
        self.assertIn("srcset", image.attrs)
        self.assertEqual(image["loading"], "lazy")
        self.assertEqual(
            stream.select_one(".block-image figcaption").get_text(), "WTDC-17, Buenos Aires"
        )
        video = stream.select_one(".block-video .responsive-object iframe")
        self.assertEqual(video["title"], "Partners at WTDC-17")

    def test_call_to_action_links_to_the_translation_of_its_page(self):
        french = Locale.objects.get(language_code="fr")
        self.home.copy_for_translation(french).save_revision().publish()
        target = self.target.copy_for_translation(french)
        target.slug = "opportunites"
        target.save_revision().publish()
        page = self.page.copy_for_translation(french)
        page.save_revision().publish()

        with translation.override("fr"):
            soup = parse(self.client.get(page.get_url()))

        self.assertEqual(soup.select_one(".block-cta a.button")["href"], "/fr/opportunites/")

    def test_page_title_and_description_in_head(self):
        soup = parse(self.client.get("/en/how-to-partner/"))

        self.assertEqual(soup.title.get_text(), "How to partner · PartnerHub")
        self.assertEqual(
            soup.select_one('meta[name="description"]')["content"], "Ways to work with the Bureau."
        )
        self.assertEqual(
            [link.get_text() for link in soup.select("nav.breadcrumbs a")], [self.home.title]
        )
