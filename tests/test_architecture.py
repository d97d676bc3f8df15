"""The floor plan the build enforces (docs/architecture.md#layers-and-contracts).

`make test` runs import-linter on the code as it is; these tests show that each contract of
pyproject.toml can fail: a copy of the code is given one wrong import per contract and
every contract must then be reported broken (and the untouched copy kept). They also hold
the rule that a govcap import placed inside a function says why, in a comment.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONTRACTS = {c["id"]: c for c in
             tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
             ["tool"]["importlinter"]["contracts"]}

# One wrong import per contract, each breaking it (the layers contract: one only it sees).
WRONG_IMPORTS = {
    "layers": ("govcap/orgs/models.py", "from govcap.assessments import models as _wrong"),
    "pure-core": ("govcap/planning/core/plan.py", "import django.db as _wrong"),
    "planning-not-reports": ("govcap/planning/services.py",
                             "from govcap.reports import labels as _wrong"),
    "analysis-not-planning": ("govcap/analysis/queries.py",
                              "from govcap.planning import models as _wrong"),
    "charts-plain-data": ("govcap/charts/svg.py", "from govcap.orgs import models as _wrong"),
    "accounts-not-interchange": ("govcap/accounts/exports.py",
                                 "from govcap.interchange import exports as _wrong"),
    "jobs-below-its-kinds": ("govcap/jobs/kinds.py", "from govcap.reports import pack as _wrong"),
}


def test_every_contract_has_a_wrong_import_to_show_it_failing() -> None:
    assert set(WRONG_IMPORTS) == set(CONTRACTS)


def copy_of_the_code(folder: Path) -> Path:
    shutil.copytree(ROOT / "govcap", folder / "govcap",
                    ignore=shutil.ignore_patterns("static", "locale", "templates", "data",
                                                  "__pycache__", "*.yaml", "*.json"))
    shutil.copy(ROOT / "pyproject.toml", folder / "pyproject.toml")
    return folder


def lint_imports(folder: Path, *contract_ids: str) -> subprocess.CompletedProcess:
    args = [str(LINT_IMPORTS), "--no-cache"]
    for contract_id in contract_ids:
        args += ["--contract", contract_id]
    # The copy comes first on the path, before the installed (editable) govcap.
    env = {**os.environ, "PYTHONPATH": str(folder)}
    return subprocess.run(args, cwd=folder, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def wrong_copy(tmp_path_factory) -> Path:
    folder = copy_of_the_code(tmp_path_factory.mktemp("wrong"))
    for path, line in WRONG_IMPORTS.values():
        target = folder / path
        target.write_text(target.read_text("utf-8") + f"\n{line}  # deliberately wrong\n",
                          "utf-8")
    return folder


def test_the_untouched_copy_keeps_every_contract(tmp_path) -> None:
    folder = copy_of_the_code(tmp_path)
    result = lint_imports(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(CONTRACTS)} kept, 0 broken" in result.stdout


@pytest.mark.parametrize("contract_id", sorted(WRONG_IMPORTS))
def test_a_wrong_import_breaks_the_contract(wrong_copy: Path, contract_id: str) -> None:
    path, line = WRONG_IMPORTS[contract_id]
    result = lint_imports(wrong_copy, contract_id)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout, result.stdout
    importer = path.removesuffix(".py").replace("/", ".")
    assert importer in result.stdout, result.stdout  # it names the wrong import's module


# --- govcap imports inside functions say why -------------------------------------------


def uncommented_imports_in_functions(source: str) -> list[int]:
    """Line numbers of govcap imports inside a function with no comment saying why: on the
    import's line, or on the line just above it or above the block of imports it ends."""
    lines = source.splitlines()
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            if not _imports_govcap(node):
                continue
            first = node.lineno
            while first > 1 and _is_import_line(lines[first - 2]):
                first -= 1  # the top of the block of imports it belongs to
            block = lines[first - 1:node.end_lineno]
            above = lines[first - 2].strip() if first > 1 else ""
            if not above.startswith("#") and not any("#" in text for text in block):
                found.append(node.lineno)
    return sorted(set(found))


def _imports_govcap(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level == 0 and (node.module or "").split(".")[0] == "govcap"
    if isinstance(node, ast.Import):
        return any(alias.name.split(".")[0] == "govcap" for alias in node.names)
    return False


def _is_import_line(text: str) -> bool:
    return text.strip().startswith(("from ", "import "))


def test_the_check_finds_an_uncommented_import_and_accepts_a_commented_one() -> None:
    source = (
        "def a():\n"
        "    from govcap.jobs import kinds\n"
        "def b():\n"
        "    from govcap.jobs import kinds  # the registry is not ready at import time\n"
        "def c():\n"
        "    # both read models: not before the app registry is ready\n"
        "    from govcap.jobs import kinds\n"
        "    from govcap.jobs.models import Job\n"
        "def d():\n"
        "    import os\n"
        "    import govcap.scale\n"
    )
    assert uncommented_imports_in_functions(source) == [2, 11]


def test_every_govcap_import_inside_a_function_says_why() -> None:
    missing = []
    for path in sorted((ROOT / "govcap").rglob("*.py")):
        if "static" in path.parts:
            continue
        for line in uncommented_imports_in_functions(path.read_text("utf-8")):
            missing.append(f"{path.relative_to(ROOT)}:{line}")
    assert not missing, ("a govcap import inside a function needs a comment saying why "
                         "(or move it to the top of the module): " + ", ".join(missing))
