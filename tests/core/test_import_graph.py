"""The house's floors hold: no import cycle between the project's modules, the ground floor
(`cms/core`) imports no feature app, and no module imports from a floor above its own (see the
README's architecture section).

Cycles and upward imports still being removed are listed below, exactly: the test fails when a
new one appears and when a listed one is gone (strike it from the list)."""

from .import_graph import cycles, imports

# Each cycle as its sorted modules' first member and size, until it is broken.
KNOWN_CYCLES = set()
GROUND_FLOOR = "cms.core"
# (ground-floor module, feature module it imports), until moved up or turned around.
KNOWN_UPWARD = set()


def test_no_import_cycle_between_project_modules():
    found = {(cycle[0], len(cycle)): cycle for cycle in cycles()}
    new = {key: cycle for key, cycle in found.items() if key not in KNOWN_CYCLES}
    assert new == {}, "import cycles: " + "; ".join(" ↔ ".join(c) for c in new.values())
    assert KNOWN_CYCLES - set(found) == set(), "broken: strike them from KNOWN_CYCLES"


def test_the_ground_floor_imports_no_feature_app():
    upward = {
        (module, target)
        for module, targets in imports().items()
        if module == GROUND_FLOOR or module.startswith(GROUND_FLOOR + ".")
        for target in targets
        if not (target == GROUND_FLOOR or target.startswith(GROUND_FLOOR + "."))
    }
    assert upward - KNOWN_UPWARD == set()
    assert KNOWN_UPWARD - upward == set(), "moved: strike them from KNOWN_UPWARD"


def test_the_graph_sees_function_level_imports_and_relative_imports():
    """The reader itself: a cycle hidden in a function is a cycle."""
    graph = imports()
    assert "cms.core.formats" in graph["cms.core.templatetags.format_tags"]
    assert graph["search.backends.router"]  # relative imports are resolved


# The floors of the house, lowest first (README, "Architecture"): a module imports from its own
# floor and the floors below, never from above. The most specific prefix decides a module's floor.
FLOORS = [
    # Ground floor: what every app needs, naming none of them.
    ["cms.core"],
    # The six-language search engine: text analysis, one index per language, its backends.
    ["search"],
    # The records and their translation and import.
    ["cms.snippets", "cms.localization", "cms.imports"],
    # The page types and the public records they show.
    ["cms.pages"],
    # Each capability in its own room, above the pages.
    [
        "cms.publishing",
        "cms.interest",
        "cms.sponsorship",
        "cms.alerts",
        "cms.reports",
        "cms.finder",
        "cms.pipeline",
        "cms.api",
        "cms.opendata",
        "search.site",
        "search.views",
        "search.urls",
        "search.management",
    ],
    # What assembles the whole: the demo, the URLs, the settings.
    ["cms.demo", "cms.urls", "cms.wsgi", "cms.settings", "cms"],
]


def floor_of(module):
    matches = [
        (len(prefix), level)
        for level, prefixes in enumerate(FLOORS)
        for prefix in prefixes
        if module == prefix or module.startswith(prefix + ".")
    ]
    return max(matches)[1]


def test_no_module_imports_from_a_higher_floor():
    upward = sorted(
        (module, target)
        for module, targets in imports().items()
        for target in targets
        if floor_of(target) > floor_of(module)
    )
    assert upward == []


def test_every_module_has_a_floor():
    from .import_graph import modules

    assert all(floor_of(module) is not None for module in modules())
