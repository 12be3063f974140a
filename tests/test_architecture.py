"""The package's shape: no import cycles, stages below runners, one home for each word list."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydesk.cli import app
from tests.conftest import ROOT

PACKAGE = ROOT / "storydesk"
# Runners drive the pipeline; no stage may import them (nor the pipeline that composes the stages).
RUNNERS = {"storydesk.cli", "storydesk.runners", "storydesk.store", "storydesk.serve", "storydesk.batch"}
STAGES = {"storydesk.ingest", "storydesk.clean", "storydesk.segment", "storydesk.reuse", "storydesk.extract",
          "storydesk.align", "storydesk.summarize", "storydesk.render", "storydesk.timeline", "storydesk.cluster"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """module -> the storydesk modules it imports (at any depth of the file, lazy imports included)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in _runtime_nodes(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("storydesk"):
                for alias in node.names:  # `from storydesk import lexicon` names a module
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("storydesk"))
        graph[name] = {t for t in targets if t != name and t in modules}
    return graph


def _runtime_nodes(tree: ast.AST):
    """Every node but those under `if TYPE_CHECKING:` (imports for annotations never run)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            continue
        yield node
        yield from _runtime_nodes(node)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_architecture_import_graph_has_no_cycle():
    graph = import_graph()
    # The package __init__ re-exports the API; nothing inside the package imports it.
    graph.pop("storydesk", None)
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])
    assert not [m for m, targets in graph.items() if "storydesk" in targets]


def test_architecture_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_architecture_stages_import_no_runner_and_no_pipeline():
    for module, targets in import_graph().items():
        if any(module == s or module.startswith(s + ".") for s in STAGES):
            bad = {t for t in targets if t == "storydesk.pipeline" or any(t == r or t.startswith(r + ".") for r in RUNNERS)}
            assert not bad, f"{module} imports {bad}"


WORD_LISTS = [r'"said says', r"\bsaid\|says\|say\|added", r'"a an the of to in on at for and or but']


@pytest.mark.parametrize("pattern", WORD_LISTS)
def test_architecture_word_lists_have_one_home(pattern):
    homes = [p for p in PACKAGE.rglob("*.py") if re.search(pattern, p.read_text())]
    assert [p.name for p in homes] in ([], ["lexicon.py"]), homes


def test_architecture_readme_commands_match_the_help():
    """Every `storydesk COMMAND --option` the README shows exists in that command's --help."""
    readme = (ROOT / "README.md").read_text()
    shown: dict[str, set[str]] = {}
    for line in readme.splitlines():
        match = re.match(r"(?: {4}|\$ )storydesk ([a-z]+)\b(.*)", line)
        if match:
            shown.setdefault(match.group(1), set()).update(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", match.group(2).split("#")[0]))
    assert {"digest", "clean", "run"} <= set(shown)
    for command, options in shown.items():
        result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
        assert result.exit_code == 0, (command, result.output)
        missing = {o for o in options if o != "-" and o not in result.output}
        assert not missing, f"README shows `storydesk {command}` with {missing}, which --help does not list"


def test_architecture_the_shipped_schema_is_the_contract():
    from storydesk.render.json import digest_schema
    from tests.conftest import SCHEMA_PATH

    if not SCHEMA_PATH.exists():
        pytest.skip(f"the contract is not at {SCHEMA_PATH}")
    assert digest_schema() == json.loads(SCHEMA_PATH.read_text())
