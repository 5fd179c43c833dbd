"""The section pages under each home page: the opportunities, the partner directory, the
recognitions and "How to partner", in the six languages.

Each keeps its English slug in every language (`/fr/opportunities/`, `/ar/partners/`), so
that an address differs between languages only by its language prefix.
"""

from cms.pages.models import (
    OpportunityIndexPage,
    PartnerDirectoryPage,
    RecognitionsPage,
    StandardPage,
)
from cms.reports.models import StatisticsPage

from .content import publish_english_page, publish_translations, stream_blocks, texts

__all__ = ["SECTIONS", "load_section_pages"]

# Slug -> page type, in the order of the main menu.
SECTIONS = {
    "opportunities": OpportunityIndexPage,
    "partners": PartnerDirectoryPage,
    "recognitions": RecognitionsPage,
    "how-to-partner": StandardPage,
    "statistics": StatisticsPage,
}

# The statistics page's text in each language (its figures and charts come from the archive).
STATISTICS = {
    "en": (
        "Statistics",
        "Agreements signed with our partners: per year, region, thematic area, type and "
        "value, with their data to download.",
    ),
    "fr": (
        "Statistiques",
        "Les accords signés avec nos partenaires : par année, région, domaine d'action, "
        "type et valeur, avec leurs données à télécharger.",
    ),
    "es": (
        "Estadísticas",
        "Los acuerdos firmados con nuestros asociados: por año, región, esfera de acción, "
        "tipo y valor, con sus datos para descargar.",
    ),
    "ru": (
        "Статистика",
        "Соглашения, подписанные с нашими партнерами: по годам, регионам, направлениям "
        "деятельности, типам и стоимости, с данными для загрузки.",
    ),
    "ar": (
        "إحصاءات",
        "الاتفاقات الموقعة مع شركائنا: حسب السنة والمنطقة ومجال العمل والنوع والقيمة، "
        "مع بياناتها للتنزيل.",
    ),
    "zh-hans": (
        "统计数据",
        "与合作伙伴签署的协议：按年份、区域、行动领域、类型和价值分列，并可下载相关数据。",
    ),
}


def _values(language, slug, pages):
    if slug == "statistics":
        title, introduction = STATISTICS[language]
        return {"title": title, "slug": slug, "introduction": introduction, "body": []}
    text = texts(language)["sections"][slug]
    return {
        "title": text["title"],
        "slug": slug,
        "introduction": text["introduction"],
        "body": stream_blocks(f"section:{slug}", text.get("body", []), pages),
    }


def load_section_pages(home, target_locales):
    """Publish the section pages under the English home page and translate them; return the
    English pages by slug and the number of pages written."""
    pages = {}
    written = 0
    for slug, model in SECTIONS.items():
        values = _values("en", slug, pages)
        del values["slug"]
        page, changed = publish_english_page(home, model, slug, {**values, "show_in_menus": True})
        pages[slug] = page
        written += changed
        written += publish_translations(
            page,
            target_locales,
            lambda locale, slug=slug: _values(locale.language_code, slug, pages),
            force=changed,
        )
    return pages, written
