"""Select boxes of long lists (the 249 countries), written out in Python.

Django renders each option of a select through its own template (`select_option.html` and
`attrs.html`): some 0.05 ms an option, so a form with two lists of countries spent 50 of the
registration page's 85 ms of CPU there. These widgets write the same markup directly, every
value and label escaped as the templates escape them; the rest (choices, selected values,
option groups, attributes) is Django's own `get_context`.
"""

from django import forms
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

__all__ = ["LongSelect", "LongSelectMultiple"]


def _attributes(attrs):
    """` name="value"` for each attribute, as `attrs.html` writes them: True alone, False
    and None left out."""
    parts = []
    for name, value in attrs.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(format_html(" {}", name))
        else:
            parts.append(format_html(' {}="{}"', name, str(value)))
    return "".join(parts)


def _option(option):
    return '<option value="{}"{}>{}</option>'.format(
        conditional_escape(str(option["value"])),
        _attributes(option["attrs"]),
        conditional_escape(option["label"]),
    )


class LongSelectMixin:
    """`render` without a template per option (see the module)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        lines = [format_html('<select name="{}"', widget["name"]) + _attributes(widget["attrs"])]
        lines[0] += ">"
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                lines.append(format_html('<optgroup label="{}">', group_name))
            lines.extend(_option(option) for option in options)
            if group_name:
                lines.append("</optgroup>")
        lines.append("</select>")
        return mark_safe("\n".join(lines))  # noqa: S308 - every part escaped above


class LongSelect(LongSelectMixin, forms.Select):
    """A `Select` of many options (see the module)."""


class LongSelectMultiple(LongSelectMixin, forms.SelectMultiple):
    """A `SelectMultiple` of many options (see the module)."""
