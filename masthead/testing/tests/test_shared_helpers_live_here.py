"""Helpers shared by several apps' tests live in masthead/testing/: no module imports from a test module
(``test_*.py``), nor from another app's tests folder."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_no_test_module_or_other_apps_tests_are_imported():
    offenders = []
    for path in sorted([*(ROOT / "masthead").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")]):
        parts = path.relative_to(ROOT).with_suffix("").parts
        own_app = parts[1] if parts[0] == "masthead" and len(parts) > 2 else None
        for module in imported_modules(path):
            names = module.split(".")
            if "tests" not in names[:-1] and not any(name.startswith("test_") for name in names):
                continue
            if any(name.startswith("test_") for name in names):
                offenders.append(f"{path.relative_to(ROOT)} imports the test module {module}")
            elif names[0] == "masthead" and len(names) > 2 and names[2] == "tests" and names[1] != own_app:
                offenders.append(f"{path.relative_to(ROOT)} imports {module} from another app's tests")
    assert offenders == []


def test_the_check_sees_a_test_module_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from masthead.core.tests.test_serving_layers import run\n")
    assert "masthead.core.tests.test_serving_layers" in imported_modules(sample)
