"""System check: every StreamField of a translatable model translates safely.

wagtail-localize crashes when an optional text, address or embed block inside a struct block
is left empty (its stored null reaches the segment extractor). Optional text and address
blocks inside struct blocks must be the safe blocks of cms.pages.blocks; embeds inside struct
blocks must be required.
"""

from django.apps import apps
from django.core import checks
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import TranslatableMixin

UNSAFE_WHEN_OPTIONAL = (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock, blocks.EmailBlock)


def _walk(block, path, inside_struct):
    """Yield (path, block) for each optional child block that would crash a translation."""
    if isinstance(block, ImageBlock):
        return  # wagtail-localize extracts image blocks itself, empty alt text included
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _walk(child, f"{path}.{name}", inside_struct=True)
    elif isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            yield from _walk(child, f"{path}.{name}", inside_struct=False)
    elif isinstance(block, blocks.ListBlock):
        yield from _walk(block.child_block, f"{path}.item", inside_struct=inside_struct)
    elif inside_struct and not block.required and _crashes_when_empty(block):
        yield path, block


def _crashes_when_empty(block):
    if isinstance(block, EmbedBlock):
        return True
    return isinstance(block, UNSAFE_WHEN_OPTIONAL) and not hasattr(
        block, "get_translatable_segments"
    )


@checks.register()
def check_translatable_stream_blocks(app_configs=None, **kwargs):
    errors = []
    for model in apps.get_models():
        if not issubclass(model, TranslatableMixin) or model._meta.abstract:
            continue
        if not model.__module__.startswith("cms."):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for path, block in _walk(field.stream_block, field.name, inside_struct=False):
                    errors.append(
                        checks.Error(
                            f"{model._meta.label}.{path}: an optional {type(block).__name__} "
                            "inside a struct block makes wagtail-localize crash when it is "
                            "left empty.",
                            hint="Use OptionalCharBlock, OptionalTextBlock or OptionalURLBlock "
                            "from cms.pages.blocks (embeds inside struct blocks must be "
                            "required).",
                            obj=model,
                            id="pages.E001",
                        )
                    )
    return errors
