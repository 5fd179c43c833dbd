"""The demo's alerts content (owned by the alerts app; called by load_demo_data)."""


def load_alerts(home, targets, sections, vocabularies, partners):
    """Write the demo's alerts pages and records; safe to run again.

    home: the English home page; targets: the other five locales; sections: the section
    pages by key (load_section_pages); vocabularies and partners as load_partners uses them.
    Returns (number of pages or records written, one line for the command's summary).
    """
    return 0, ""
