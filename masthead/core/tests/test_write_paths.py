"""No module writes another app's tables: every change goes through the owning app's actions.

A static scan of every non-test module of the project (its syntax tree, no import): a write is a call of
``create``, ``update``, ``delete``, ``save``, ``bulk_create``... whose receiver is a model, a manager or a query of
a model, resolved from what the module imports (``from masthead.<app>.models import Model``, ``get_user_model()``),
from assignments and ``for`` loops in the same function, and from annotations (parameters, and the return
annotation of functions of the same module). A write to a model of another app fails the test, unless the
module is in ``ALLOWED`` with the reason. The scan can miss a write it cannot type (an unannotated parameter);
it never reports a write that is not one, and ``test_the_scan_finds_writes`` proves it sees the usual forms.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import masthead

ROOT = Path(masthead.__file__).parent

# Who owns Django's auth tables: the accounts app manages users; core's staff_roles manages the staff groups.
AUTH_OWNERS = {"Group": "core", "Permission": "core"}
# Tables of installed third-party apps that one of ours owns: the task queue's rows are core's (core/tasks.py).
THIRD_PARTY_OWNERS = {"django_tasks_db.models": "core"}

# module (dotted) -> reason. Keep it short: each entry is a write path that skips the owning app's actions.
ALLOWED: dict[str, str] = {
    "masthead.publishing.demo": "demo seeding: the demo editor's login, a staff user in the Editors group "
                                "(publishing sits below accounts and cannot call its actions)",
    "masthead.moderation.demo": "demo seeding: the demo moderator's login, a staff user in the Moderators group "
                                "(moderation sits below accounts and cannot call its actions)",
}

WRITES = {"create", "update", "delete", "save", "bulk_create", "bulk_update", "get_or_create", "update_or_create",
          "create_user", "create_superuser"}
# Query methods that give back rows (or a query) of the same model, so a write further along the chain is typed.
SAME_MODEL = {
    "objects", "_default_manager", "filter", "exclude", "all", "select_for_update", "select_related",
    "prefetch_related", "order_by", "only", "defer", "using", "get", "first", "last", "latest", "earliest",
    "distinct", "annotate", "none", "get_or_create", "create", "update_or_create", "alias", "reverse",
}
CONTAINERS = {"QuerySet", "list", "Iterable", "Iterator", "Sequence", "tuple", "set", "Manager", "BaseManager"}


def app_of_module(dotted: str) -> str:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 2 else "masthead"


@dataclass
class Scope:
    types: dict[str, str] = field(default_factory=dict)  # name -> "app.Model"


class WriteScan(ast.NodeVisitor):
    """Collects (line, model, method) for every write whose receiver it can type."""

    def __init__(self, module: str, tree: ast.Module) -> None:
        self.module = module
        self.models: dict[str, str] = {}  # local name -> "app.Model"
        self.user_model_names: set[str] = set()
        self.returns: dict[str, str] = {}  # function name -> "app.Model" it returns (rows or a query)
        self.writes: list[tuple[int, str, str]] = []
        self.scopes: list[Scope] = [Scope()]
        self._collect_imports(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is not None:
                model = self._annotation(node.returns)
                if model:
                    self.returns[node.name] = model

    def _collect_imports(self, tree: ast.Module) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                source = node.module
                if source.startswith("masthead.") and ".models" in source:
                    app = source.split(".")[1]
                    for alias in node.names:
                        self.models[alias.asname or alias.name] = f"{app}.{alias.name}"
                elif source == "django.contrib.auth.models":
                    for alias in node.names:
                        owner = AUTH_OWNERS.get(alias.name, "accounts")
                        self.models[alias.asname or alias.name] = f"{owner}.{alias.name}"
                elif source in THIRD_PARTY_OWNERS:
                    for alias in node.names:
                        self.models[alias.asname or alias.name] = f"{THIRD_PARTY_OWNERS[source]}.{alias.name}"
                elif source == "django.contrib.auth":
                    for alias in node.names:
                        if alias.name == "get_user_model":
                            self.user_model_names.add(alias.asname or alias.name)

    def _annotation(self, node: ast.expr | None) -> str | None:
        if node is None:
            return None
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return None
        if isinstance(node, ast.Name):
            return self.models.get(node.id)
        if isinstance(node, ast.Attribute):
            return self.models.get(node.attr)
        if isinstance(node, ast.BinOp):  # Model | None
            return self._annotation(node.left) or self._annotation(node.right)
        if isinstance(node, ast.Subscript):
            base = node.value.id if isinstance(node.value, ast.Name) else getattr(node.value, "attr", "")
            if base in CONTAINERS:
                inner = node.slice.elts[0] if isinstance(node.slice, ast.Tuple) else node.slice
                return self._annotation(inner)
        return None

    def model_of(self, node: ast.expr) -> str | None:
        """The model whose rows (or query, or manager) ``node`` evaluates to, when the scan can tell."""
        if isinstance(node, ast.Name):
            if node.id in self.models:
                return self.models[node.id]
            for scope in reversed(self.scopes):
                if node.id in scope.types:
                    return scope.types[node.id]
            return None
        if isinstance(node, ast.Attribute):
            if node.attr in SAME_MODEL:
                return self.model_of(node.value)
            return None
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                if func.id in self.user_model_names:
                    return "accounts.User"
                if func.id in self.models:  # Model(...) builds an instance
                    return self.models[func.id]
                return self.returns.get(func.id)
            if isinstance(func, ast.Attribute) and func.attr in SAME_MODEL:
                return self.model_of(func.value)
        if isinstance(node, ast.Subscript):  # query[:10]
            return self.model_of(node.value)
        return None

    # --- scopes ---

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        scope = Scope()
        for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            model = self._annotation(arg.annotation)
            if model:
                scope.types[arg.arg] = model
        self.scopes.append(scope)
        self.generic_visit(node)
        self.scopes.pop()

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def _bind(self, target: ast.expr, model: str | None) -> None:
        if isinstance(target, ast.Name):
            if model:
                self.scopes[-1].types[target.id] = model
            else:
                self.scopes[-1].types.pop(target.id, None)
        elif isinstance(target, ast.Tuple) and model:
            # ``obj, created = Model.objects.get_or_create(...)``: the first element is the row.
            self._bind(target.elts[0], model)

    def visit_Assign(self, node: ast.Assign) -> None:
        self.generic_visit(node)
        model = self.model_of(node.value)
        for target in node.targets:
            self._bind(target, model)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        self.generic_visit(node)
        self._bind(node.target, self._annotation(node.annotation) or
                   (self.model_of(node.value) if node.value else None))

    def _loop(self, node: ast.For | ast.AsyncFor | ast.comprehension) -> None:
        self._bind(node.target, self.model_of(node.iter))

    def visit_For(self, node: ast.For) -> None:
        self._loop(node)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        self._loop(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in WRITES:
            model = self.model_of(func.value)
            if model:
                self.writes.append((node.lineno, model, func.attr))
        self.generic_visit(node)


def scan(path: Path) -> list[tuple[int, str, str]]:
    module = module_name(path)
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    visitor = WriteScan(module, tree)
    visitor.visit(tree)
    return visitor.writes


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(["masthead", *(parts[:-1] if parts[-1] == "__init__" else parts)])


def project_modules() -> list[Path]:
    return sorted(
        path for path in ROOT.rglob("*.py")
        if not {"tests", "migrations", "testing"} & set(path.relative_to(ROOT).parts)
    )


def test_no_module_writes_another_apps_tables() -> None:
    foreign = []
    for path in project_modules():
        module = module_name(path)
        if module in ALLOWED:
            continue
        app = app_of_module(module)
        for line, model, method in scan(path):
            if model.split(".")[0] != app:
                foreign.append(f"{path.relative_to(ROOT.parent)}:{line} {model}.{method}")
    assert foreign == [], "writes to another app's tables (call that app's actions instead):\n" + "\n".join(foreign)


def test_every_allowed_module_exists_and_says_why() -> None:
    for module, reason in ALLOWED.items():
        path = ROOT.parent / module.replace(".", "/")
        assert path.with_suffix(".py").exists() or (path / "__init__.py").exists(), module
        assert len(reason) > 20, module


def test_the_scan_finds_writes(tmp_path: Path) -> None:
    """The forms of write the rule is about are all seen (so an empty report means something)."""
    source = '''
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django_tasks_db.models import DBTaskResult
from masthead.discussion.models import Comment, Vote


def votes_of(key: str) -> QuerySet[Vote]:
    return Vote.objects.filter(voter_key=key)


def writes(comment: Comment, key: str) -> None:
    Comment.objects.filter(pk=1).update(body="")          # a query, updated
    Comment.objects.create(body="x")                      # a manager's create
    comment.save()                                        # an annotated parameter
    votes_of(key).delete()                                # a function annotated to return a query
    rows = Vote.objects.select_for_update().filter(pk=2)  # an assigned query
    rows.delete()
    for vote in Vote.objects.filter(voter_key=key):       # a loop over a query
        vote.delete()
    fresh = Comment(body="y")                             # an instance built here
    fresh.save()
    get_user_model().objects.filter(pk=3).delete()        # the user model
    DBTaskResult.objects.filter(pk=4).delete()            # a third-party table one of our apps owns
    Comment.objects.filter(pk=1).count()                  # a read: not reported
'''
    module = tmp_path / "example.py"
    module.write_text(source)
    tree = ast.parse(source)
    visitor = WriteScan("masthead.accounts.example", tree)
    visitor.visit(tree)
    assert [(model, method) for _, model, method in visitor.writes] == [
        ("discussion.Comment", "update"), ("discussion.Comment", "create"), ("discussion.Comment", "save"),
        ("discussion.Vote", "delete"), ("discussion.Vote", "delete"), ("discussion.Vote", "delete"),
        ("discussion.Comment", "save"), ("accounts.User", "delete"), ("core.DBTaskResult", "delete"),
    ]
