"""The project's import graph, read from its source: which module imports which.

Every `import` counts, at the top of a file or inside a function (a function-level import is
still a dependency, only a later one: it hides a cycle, it does not remove it); imports under
`if TYPE_CHECKING:` do not. A module is a file of `cms/` or `search/` (migrations aside); an
import of a name from a package counts as an import of that package's `__init__`, an import
of a submodule as an import of that submodule.
"""

import ast
from collections import defaultdict
from functools import cache
from pathlib import Path

from django.conf import settings

__all__ = ["PACKAGES", "cycles", "imports", "modules"]

PACKAGES = ("cms", "search")


@cache
def modules():
    """{dotted name: path} of the project's modules."""
    root = Path(settings.BASE_DIR)
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _owner(name):
    """The project module that `name` (a module or a name in one) belongs to, or None."""
    known = modules()
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _targets(node, package):
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            parts = package.split(".")
            base = ".".join(parts[: len(parts) - (node.level - 1)])
            base = f"{base}.{node.module}" if node.module else base
        else:
            base = node.module or ""
        names = [f"{base}.{alias.name}" for alias in node.names]
    return {owner for owner in map(_owner, names) if owner}


def _is_type_checking(node):
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


@cache
def imports():
    """{module: set of the project modules it imports, anywhere in its file}."""
    graph = defaultdict(set)
    for name, path in modules().items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        stack = [ast.parse(path.read_text(encoding="utf-8"))]
        while stack:
            for child in ast.iter_child_nodes(stack.pop()):
                if _is_type_checking(child):
                    continue
                if isinstance(child, (ast.Import, ast.ImportFrom)):
                    graph[name] |= _targets(child, package) - {name}
                stack.append(child)
    return graph


def cycles():
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    graph = imports()
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0

    def visit(start):
        nonlocal counter
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))

    for name in sorted(modules()):
        if name not in index:
            visit(name)
    return sorted(found)
