"""Every third-party package the site's code imports is a runtime dependency of the project,
and the lock that `make install` installs from satisfies what `pyproject.toml` asks.

A package imported by `cms/` or `search/` but declared only in the test extra (as openpyxl and
beautifulsoup4 once were), or only pulled in by Wagtail, installs in development and breaks a
production install, or the site the day Wagtail stops requiring it. The imports are read from
the source (function-level ones and migrations included), mapped to the distributions that
provide them, and compared with `[project.dependencies]` of `pyproject.toml`. A dependency
added to `pyproject.toml` without `make lock` would be missing from every install: the lock is
read back and each requirement checked against its pinned version.
"""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("cms", "search")


def canonical(name):
    """A distribution's name as PyPI compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(paths):
    """The top-level names of every absolute import in the Python files under `paths`."""
    names = set()
    for path in paths:
        for source in sorted(Path(path).rglob("*.py")):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names


def third_party(modules, first_party=PACKAGES):
    return {name for name in modules if name not in sys.stdlib_module_names} - set(first_party)


def undeclared(modules, declared_requirements, distributions):
    """{module: problem} for each module whose distribution is not among the requirements."""
    declared = {
        canonical(re.match(r"[A-Za-z0-9_.-]+", requirement).group())
        for requirement in declared_requirements
    }
    problems = {}
    for module in sorted(modules):
        providers = distributions.get(module)
        if not providers:
            problems[module] = "no installed distribution provides it"
        elif not declared & {canonical(name) for name in providers}:
            problems[module] = f"{', '.join(providers)} is not in [project.dependencies]"
    return problems


def project_dependencies(extras=()):
    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)["project"]
    return project["dependencies"] + [
        requirement for extra in extras for requirement in project["optional-dependencies"][extra]
    ]


def locked_versions(text):
    """{distribution: version} pinned by a lock file written by `uv pip compile`."""
    return {
        canonical(match["name"]): match["version"]
        for match in re.finditer(r"^(?P<name>[A-Za-z0-9_.-]+)==(?P<version>\S+)", text, re.M)
    }


def unsatisfied(requirements, locked):
    """The requirements that the locked versions miss or pin outside their range."""
    missing = []
    for line in requirements:
        requirement = Requirement(line)
        version = locked.get(canonical(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            missing.append(f"{line} (locked: {version})")
    return missing


def test_every_package_the_site_imports_is_a_runtime_dependency():
    modules = third_party(imported_modules(ROOT / package for package in PACKAGES))

    problems = undeclared(
        modules, project_dependencies(), importlib.metadata.packages_distributions()
    )

    assert problems == {}


def test_a_package_declared_only_in_an_extra_is_reported(tmp_path):
    (tmp_path / "downloads.py").write_text(
        "import os\nfrom openpyxl import Workbook\n\ndef f():\n    import bs4.element\n"
    )
    modules = third_party(imported_modules([tmp_path]))

    problems = undeclared(
        modules,
        ["Django>=5.2", "openpyxl>=3.1"],
        {"openpyxl": ["openpyxl"], "bs4": ["beautifulsoup4"]},
    )

    assert modules == {"openpyxl", "bs4"}
    assert problems == {"bs4": "beautifulsoup4 is not in [project.dependencies]"}


def test_the_lock_pins_every_runtime_and_test_requirement():
    locked = locked_versions((ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8"))

    assert unsatisfied(project_dependencies(extras=["test"]), locked) == []


def test_a_requirement_the_lock_misses_or_pins_outside_its_range_is_reported():
    locked = locked_versions("django==5.2.20 \\\n    --hash=sha256:00\nwagtail==7.1\n")

    assert unsatisfied(["Django>=5.2,<5.3", "wagtail>=8.0.1,<8.1", "openpyxl>=3.1"], locked) == [
        "wagtail>=8.0.1,<8.1 (locked: 7.1)",
        "openpyxl>=3.1 (locked: None)",
    ]
