"""The roles of PartnerHub's users as Django groups with their permissions.

`sync_roles()` makes the groups, their model permissions, page permissions, collection
permissions and the private collection of signed agreements exactly as declared here, then
tells the apps above (`roles_synced`): the moderation workflow of opportunities
(cms/publishing/workflows.py) is made for the leads. It runs after every `migrate` and
is safe to run at any time.

Pages are published by communications leads: editors write and submit for moderation, leads
approve (and may publish directly). Translators publish their own language's translations.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import Signal
from django.utils.module_loading import module_has_submodule
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

#: Sent by `sync_roles` once every role group exists, with `groups` ({name: Group}) and
#: `languages` ({name: language code} of the roles that work in one language): the apps above
#: (the editorial workflow of cms.publishing, the working languages of cms.localization)
#: attach what depends on them.
roles_synced = Signal()

EDITORS = "Communications editors"
LEADS = "Communications leads"
OFFICERS = "Partnership officers"
TRANSLATOR_LANGUAGES = {
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "ar": "Arabic",
    "zh-hans": "Chinese",
}
PUBLIC_MEDIA_COLLECTION = "Public media"

VOCABULARIES = [
    "beneficiaryregion",
    "thematicarea",
    "partnerkind",
    "membershipcategory",
    "fundingtype",
    "fundingmechanism",
    "agreementtype",
    "sustainabledevelopmentgoal",
]
ALL = ("add", "change", "delete", "view")


def translator_group_name(language_code):
    """The name of the translators' group for one target language."""
    return f"Translators ({TRANSLATOR_LANGUAGES[language_code]})"


def _model_perms(app_label, model, actions):
    return [f"{app_label}.{action}_{model}" for action in actions]


def _role_definitions():
    """Each role: model permissions, page permissions on the root, collection permissions."""
    officer_perms = ["wagtailadmin.access_admin", "snippets.view_partner_internal"]
    for model in [*VOCABULARIES, "country", "partner", "agreement", "recognition"]:
        officer_perms += _model_perms("snippets", model, ALL)
    officer_perms += ["wagtail_localize.submit_translation"]

    editor_perms = ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
    for model in [*VOCABULARIES, "country", "partner"]:
        editor_perms += _model_perms("snippets", model, ["view"])
    editor_perms += _model_perms("snippets", "recognition", ALL)
    editor_perms += _model_perms("snippets", "material", ALL)
    officer_perms += _model_perms("snippets", "material", ["view"])
    # Expressions of interest are read-only in the admin (cms/interest/permissions.py).
    interest_perms = _model_perms("interest", "expressionofinterest", ["view"])
    officer_perms += interest_perms
    editor_perms += interest_perms
    finder_perms = ["partner_finder.use_partner_finder"]  # cms/finder/models.py
    # Results pinned for a query show at once, with no moderation: the leads, who publish,
    # keep them (Wagtail's own permissions; search/site/promotions.py).
    promotion_perms = _model_perms(
        "wagtailsearchpromotions", "searchpromotion", ["add", "change", "delete"]
    )
    officer_perms += finder_perms

    translator_perms = ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"]
    # Translators translate material too, and upload the variant of its document.
    for model in [*VOCABULARIES, "partner", "recognition", "material"]:
        translator_perms += _model_perms("snippets", model, ["change", "view"])

    media = [
        "add_image",
        "change_image",
        "choose_image",
        "add_document",
        "change_document",
        "choose_document",
    ]
    signed = ["add_document", "change_document", "choose_document", "delete_document"]
    roles = {
        # No publish_page: an editor submits pages for moderation (workflows.py).
        # Editors lock pages and unlock their own locks; only leads unlock someone else's.
        EDITORS: {
            "perms": editor_perms,
            "pages": ["add_page", "change_page", "lock_page"],
            "collections": {PUBLIC_MEDIA_COLLECTION: media},
        },
        # Editors' rights, plus publishing; the leads' group approves in the workflows.
        LEADS: {
            "perms": editor_perms + finder_perms + promotion_perms,
            "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
            "collections": {PUBLIC_MEDIA_COLLECTION: media},
        },
        OFFICERS: {
            "perms": officer_perms,
            "pages": [],
            "collections": {
                PUBLIC_MEDIA_COLLECTION: ["add_image", "choose_image", "choose_document"],
                settings.SIGNED_AGREEMENTS_COLLECTION: signed,
            },
        },
    }
    for code in TRANSLATOR_LANGUAGES:
        roles[translator_group_name(code)] = {
            "perms": translator_perms,
            "pages": ["add_page", "change_page", "publish_page"],
            # Page permissions on their own language's tree only (its home page and below).
            "page_language": code,
            "collections": {
                PUBLIC_MEDIA_COLLECTION: ["choose_image", "choose_document", "add_document"]
            },
        }
    # Rights declared by the apps that own the models (each app's roles.py).
    for group_name, perms in _app_role_permissions():
        role = roles.setdefault(group_name, {"perms": [], "pages": [], "collections": {}})
        role["perms"] = [*role["perms"], *perms]
    return roles


def _app_role_permissions():
    """(group name, permissions) declared by the installed apps, each in the `ROLE_PERMISSIONS`
    of its own `roles.py` (found as Wagtail finds `wagtail_hooks.py`): the ground floor names no
    feature app, the apps above add their rights to its roles."""
    for app_config in apps.get_app_configs():
        if app_config.name == __name__.rpartition(".")[0]:
            continue
        if module_has_submodule(app_config.module, "roles"):
            module = import_module(f"{app_config.name}.roles")
            yield from getattr(module, "ROLE_PERMISSIONS", {}).items()


def language_roots(language_code):
    """The top pages of one language's tree (its home page), under the root of the tree."""
    return Page.objects.filter(depth=2, locale__language_code=language_code)


def grant_translators_new_language_root(sender, instance, created, raw=False, **kwargs):
    """post_save of pages: when a language gets its home page (usually by translating the
    English one), its translators get their page permissions on it."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    code = instance.locale.language_code
    if code not in TRANSLATOR_LANGUAGES:
        return
    group = Group.objects.filter(name=translator_group_name(code)).first()
    if group is None:
        return
    for codename in _role_definitions()[group.name]["pages"]:
        GroupPagePermission.objects.get_or_create(
            group=group, page=instance, permission=_permission(f"wagtailcore.{codename}")
        )


def _permission(codename_with_app):
    app_label, codename = codename_with_app.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def named_collection(name):
    """The collection `name` at the top of the collection tree, made if it is missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


@transaction.atomic
def sync_roles():
    """Create or update every role group, its permissions and the private collection."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    if Collection.get_first_root_node() is None:
        # A flushed database (transactional tests) has no collection tree to attach to.
        return {}

    names = (PUBLIC_MEDIA_COLLECTION, settings.SIGNED_AGREEMENTS_COLLECTION)
    collections = {name: named_collection(name) for name in names}
    root_page = Page.get_first_root_node()
    groups = {}
    for name, role in _role_definitions().items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set([_permission(p) for p in role["perms"]])
        wanted_pages = {_permission(f"wagtailcore.{p}") for p in role["pages"]}
        if role.get("page_language"):
            tree_roots = list(language_roots(role["page_language"]))
        else:
            tree_roots = [root_page] if root_page else []
        GroupPagePermission.objects.filter(group=group).exclude(
            permission__in=wanted_pages, page__in=tree_roots
        ).delete()
        for page in tree_roots:
            for permission in wanted_pages:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for collection_name, codenames in role["collections"].items():
            for codename in codenames:
                app = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=collections[collection_name],
                    permission=_permission(f"{app}.{codename}"),
                )

    # Wagtail's starter groups have rights on the root collection, which would open the
    # signed agreements to them; PartnerHub's roles replace them.
    for starter in ("Editors", "Moderators"):
        Group.objects.filter(name=starter, user__isnull=True).delete()

    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collections[settings.SIGNED_AGREEMENTS_COLLECTION],
        defaults={"restriction_type": CollectionViewRestriction.GROUPS},
    )
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set([groups[OFFICERS]])

    # The editorial workflow (cms.publishing) is approved by the leads' group: it is made or
    # repaired now that the group exists.
    languages = {
        name: role["page_language"]
        for name, role in _role_definitions().items()
        if role.get("page_language")
    }
    roles_synced.send(sender=None, groups=groups, languages=languages)
    return groups


def sync_roles_after_migrate(sender, using="default", **kwargs):
    """post_migrate hook: keep the roles in step with the code after every migration."""
    if using != "default":
        return
    sync_roles()
