"""The demo's alerts content (owned by the alerts app; called by load_demo_data): the
registration page, /<language>/register/, in the six languages."""

from cms.alerts.models import RegistrationPage

from .content import publish_english_page, publish_translations

SLUG = "register"

# (title, introduction) in each language.
REGISTRATION = {
    "en": (
        "Register for opportunities",
        "Choose the thematic areas and regions that match your priorities: we e-mail you "
        "each new partnership opportunity that fits them, or a weekly digest.",
    ),
    "fr": (
        "Inscription aux opportunités",
        "Choisissez les domaines d'action et les régions qui correspondent à vos priorités : "
        "nous vous envoyons par courriel chaque nouvelle opportunité de partenariat qui s'y "
        "rapporte, ou un résumé hebdomadaire.",
    ),
    "es": (
        "Inscripción a las oportunidades",
        "Elija las esferas de acción y las regiones que corresponden a sus prioridades: le "
        "enviamos por correo electrónico cada nueva oportunidad de asociación que se ajuste "
        "a ellas, o un resumen semanal.",
    ),
    "ru": (
        "Подписка на возможности",
        "Выберите направления деятельности и регионы, соответствующие вашим приоритетам: мы "
        "будем присылать вам по электронной почте каждую новую возможность партнерства, "
        "отвечающую им, или еженедельную сводку.",
    ),
    "ar": (
        "التسجيل لتلقي الفرص",
        "اختر مجالات العمل والمناطق التي تتوافق مع أولوياتك: نرسل إليك بالبريد الإلكتروني كل "
        "فرصة شراكة جديدة تتوافق معها، أو ملخصاً أسبوعياً.",
    ),
    "zh-hans": (
        "订阅合作机会",
        "选择符合您优先事项的行动领域和区域：我们会通过电子邮件向您发送每一个符合条件的新合作机会，或每周摘要。",
    ),
}


def _values(language):
    title, introduction = REGISTRATION[language]
    return {"title": title, "slug": SLUG, "introduction": introduction, "body": []}


def load_alerts(home, targets, sections, vocabularies, partners):
    """Write the registration page in the six languages; safe to run again.

    Returns (number of pages written, one line for the command's summary).
    """
    values = _values("en")
    del values["slug"]
    page, changed = publish_english_page(
        home, RegistrationPage, SLUG, {**values, "show_in_menus": True}
    )
    written = int(changed) + publish_translations(
        page, targets, lambda locale: _values(locale.language_code), force=changed
    )
    return written, f"registration page: {written} page(s) written"
