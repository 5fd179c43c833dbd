"""Replace Wagtail's placeholder welcome page with the English HomePage as the site root."""

from django.db import migrations

HOME_TITLE = "Partnerships for digital development"


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("pages.HomePage")

    if HomePage.objects.exists():
        return
    # The welcome page made by Wagtail's own initial migration, if it is still there.
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    root = Page.objects.get(depth=1)
    locale = Locale.objects.get(language_code="en")
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="pages")
    existing = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True)
    last = existing.first()
    path = root.path + (f"{int(last[-4:], 36) + 1:04d}" if last else "0001")
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        introduction="Find concepts, projects and initiatives that need partners, and work with "
        "the ITU Telecommunication Development Bureau.",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "PartnerHub"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("core", "0001_locales"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
