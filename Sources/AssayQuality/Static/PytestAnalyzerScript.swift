/// The Python program behind the static analysis of pytest code: it parses every file with
/// Python's `ast` and prints the facts (tests, assertions, findings by rule) as JSON, which
/// ``PytestStaticAnalyzer`` scores. Kept as text so the `assay` binary carries it; its own
/// suite is Tests/AssayQualityTests/Python/test_analyzer.py (run by PytestAnalyzerTests).
enum PytestAnalyzerScript {
    static let source = #"""
#!/usr/bin/env python3
"""Static analysis of a pytest directory for Assay.

Usage: python3 analyzer.py DIR [--max-test-lines N]

Parses every .py file under DIR with `ast` (nothing is imported or run) and prints one
JSON document: per file, its tests (length, assertions, docstring) and its findings by
rule. Standard library only; Python 3.9 or later.
"""

import ast
import codecs
import gc
import json
import os
import platform
import re
import sys

VERSION = 1
DEFAULT_MAX_TEST_LINES = 50

SKIPPED_DIRECTORIES = {".venv", "venv", ".git", "__pycache__", "node_modules", ".tox", "site-packages"}

CATEGORIES = {
    "syntax-error": "syntax",
    "no-assertion": "structure",
    "too-long": "structure",
    "missing-docstring": "structure",
    "empty-test": "smell",
    "assertion-roulette": "smell",
    "sleepy-test": "smell",
    "conditional-test-logic": "smell",
    "redundant-print": "smell",
    "magic-number": "smell",
    "duplicate-test": "smell",
    "hard-coded-secret": "smell",
    "eval-exec": "security",
    "tls-verify-disabled": "security",
    "shell-true": "security",
    "unsafe-deserialization": "security",
    "request-without-timeout": "performance",
    "request-in-loop": "performance",
    "new-session-per-test": "performance",
}

# An assertion helper by name: the prefix in any case, then the end of the name, an
# underscore or a capital (so `expect_status`, `assertEqual`, `check`, but not `checkout`).
HELPER_NAME = re.compile(r"(?i:assert|expect|check|verify|ensure)(?:$|_|[A-Z0-9])")

HTTP_VERBS = {"get", "post", "put", "patch", "delete", "head", "options", "request"}
FIXTURE_VERBS = {"request", "get", "post", "put", "patch", "delete"}
HTTP_LIBRARIES = {"requests", "httpx"}
# The clients a module may keep in a variable, and the library each belongs to.
SESSION_CONSTRUCTORS = {
    "requests.Session": "requests",
    "requests.session": "requests",
    "requests.sessions.Session": "requests",
    "httpx.Client": "httpx",
    "httpx.AsyncClient": "httpx",
    "aiohttp.ClientSession": "aiohttp",
}
# requests waits forever by default; httpx (5 s) and aiohttp (5 min) have a default timeout.
LIBRARIES_WITHOUT_DEFAULT_TIMEOUT = {"requests"}

SLEEPS = {"time.sleep", "asyncio.sleep"}
PYTEST_CHECKS = {"pytest.raises", "pytest.warns", "pytest.fail", "pytest.deprecated_call"}
SKIP_CALLS = {"pytest.skip", "pytest.xfail", "pytest.importorskip"}
EVALS = {"eval", "exec", "builtins.eval", "builtins.exec"}
SHELL_CALLS = {"os.system", "os.popen"}
UNVERIFIED_TLS = {"ssl._create_unverified_context", "ssl.CERT_NONE"}
UNVERIFIED_TLS_NAMES = {name.rpartition(".")[2] for name in UNVERIFIED_TLS}
UNSAFE_LOADS = {
    "pickle.load", "pickle.loads", "pickle.Unpickler", "cPickle.load", "cPickle.loads",
    "dill.load", "dill.loads", "marshal.load", "marshal.loads",
    "yaml.unsafe_load", "yaml.unsafe_load_all",
}
YAML_LOADS = {"yaml.load", "yaml.load_all"}
UNSAFE_YAML_LOADERS = {"Loader", "UnsafeLoader"}
TEST_CASE_BASES = {"TestCase", "IsolatedAsyncioTestCase"}

PAYLOAD_KEYWORDS = frozenset(("json", "data", "files", "params"))
SECRET_NAME = re.compile(
    r"(?i)password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key"
    r"|client[_-]?secret|authorization|auth(?!or)"
)
# A name whose last word says it holds something about a secret, not the secret itself.
DESCRIPTIVE_SUFFIXES = {
    "url", "uri", "urls", "endpoint", "env", "var", "variable", "path", "file", "filename", "dir",
    "type", "kind", "name", "names", "header", "field", "param", "prefix", "scheme", "format",
    "pattern", "regex", "length", "len", "count", "ttl", "expiry", "expires", "timeout", "label",
    "description", "message", "msg", "error", "help", "hint", "location", "scope", "scopes",
    "method", "mode", "flow", "provider", "realm", "domain", "host", "server", "version", "grant",
    "audience", "issuer", "algorithm", "user", "username", "email", "login", "id", "ids", "hdr",
    "response", "result", "reply", "status", "state",
}
NAME_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
PLACEHOLDER_MARKERS = (
    "{", "<", "$", "example", "changeme", "xxx", "dummy", "placeholder", "your_",
    "fake", "invalid", "redacted",
)
URL_WITHOUT_CREDENTIALS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^@\s]*$")
CODING_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
BLANK_OR_COMMENT = re.compile(rb"^[ \t\f]*(?:[#\r]|$)")
ENVIRONMENT_NAME = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
OBJECT_IDENTIFIER = re.compile(r"^\d+(?:\.\d+)+$")
WORDS_ONLY = re.compile(r"^[A-Za-z]+(?:[-_][A-Za-z]+)*$")
CREDENTIAL_SHAPES = [
    ("GitHub token", re.compile(r"ghp_[A-Za-z0-9]{36}")),
    ("GitHub token", re.compile(r"github_pat_\w{20,}")),
    ("Stripe live key", re.compile(r"sk_live_[A-Za-z0-9]{16,}")),
    ("AWS access key", re.compile(r"AKIA[0-9A-Z]{16}")),
    ("Slack token", re.compile(r"xox[abposr]-[A-Za-z0-9-]{10,}")),
    ("JWT", re.compile(r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")),
    ("private key", re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----")),
    ("bearer token", re.compile(r"Bearer [A-Za-z0-9._~+/-]{16,}=*")),
]
# One cheap search first: most strings hold none of the shapes' fixed parts.
CREDENTIAL_HINT = re.compile(r"ghp_|github_pat_|sk_live_|AKIA|xox|eyJ|-----BEGIN|Bearer ")

ALLOWED_INTS = {0, 1, -1, 2, 100}
ALLOWED_FLOATS = {0.0, 1.0}
COMPARISONS = (ast.Eq, ast.NotEq, ast.In, ast.NotIn, ast.Lt, ast.LtE, ast.Gt, ast.GtE)

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
LOOPS = (ast.For, ast.AsyncFor, ast.While)
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
BRANCHES = {ast.If: "if", ast.For: "for", ast.AsyncFor: "for", ast.While: "while", ast.Try: "try"}
for _name, _word in (("TryStar", "try"), ("Match", "match")):
    if hasattr(ast, _name):
        BRANCHES[getattr(ast, _name)] = _word


CHILD = object()  # in a fingerprint: "a node goes here"


def signature(node):
    """A node's type and plain fields, with a marker or a count for its children: enough,
    in a walk's order, to tell two trees apart exactly as ast.dump would."""
    shape = [type(node)]
    for field in node._fields:
        value = getattr(node, field, None)
        if type(value) is list:
            shape.append((len(value), tuple(i for i, item in enumerate(value) if not isinstance(item, ast.AST))))
        elif isinstance(value, ast.AST):
            shape.append(CHILD)
        else:
            shape.append(value)
    return tuple(shape)


def is_helper_name(name, helpers):
    return name in helpers or HELPER_NAME.match(name) is not None


def dotted_parts(node):
    """`a.b.c` as ["a", "b", "c"], or None when the chain does not start at a name."""
    parts = []
    while type(node) is ast.Attribute:
        parts.append(node.attr)
        node = node.value
    if type(node) is not ast.Name:
        return None
    parts.append(node.id)
    parts.reverse()
    return parts


def source_of(node, limit=60):
    try:
        text = ast.unparse(node)
    except Exception:
        return "..."
    return text if len(text) <= limit else text[: limit - 3] + "..."


def mentions_status(node):
    """Whether the source of `node` says `status` (a status code, a status field)."""
    for child in ast.walk(node):
        t = type(child)
        if t is ast.Name:
            text = child.id
        elif t is ast.Attribute:
            text = child.attr
        elif t is ast.Constant and type(child.value) is str:
            text = child.value
        else:
            continue
        if "status" in text.lower():
            return True
    return False


def is_docstring(statement):
    return (
        type(statement) is ast.Expr
        and type(statement.value) is ast.Constant
        and type(statement.value.value) is str
    )


def is_filler(statement):
    """`pass` or `...`: a statement that does nothing."""
    if type(statement) is ast.Pass:
        return True
    return type(statement) is ast.Expr and type(statement.value) is ast.Constant and statement.value.value is Ellipsis


def fold_string(node):
    """The value of a string literal or of literals joined with `+`, else None."""
    parts = []
    pending = [node]
    while pending:
        current = pending.pop()
        t = type(current)
        if t is ast.Constant and type(current.value) is str:
            parts.append(current.value)
        elif t is ast.BinOp and type(current.op) is ast.Add:
            pending.append(current.right)
            pending.append(current.left)
        else:
            return None
    return "".join(parts)


def dump(node):
    """ast.dump, or a value equal to nothing else when the tree nests too deeply for it."""
    try:
        return ast.dump(node)
    except RecursionError:
        return object()


def clean_text(text):
    """Text JSON decoders accept: lone surrogates (undecodable file names, odd escapes) replaced."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace").encode("utf-8", "replace").decode("utf-8")


def is_placeholder(value):
    lowered = value.lower()
    if any(marker in lowered for marker in PLACEHOLDER_MARKERS):
        return True
    return len(set(value)) == 1


def secret_name(name):
    """Whether a variable, keyword or key of this name holds a credential."""
    if not SECRET_NAME.search(name):
        return False
    words = NAME_WORDS.findall(name)
    return not (words and words[-1].lower() in DESCRIPTIVE_SUFFIXES)


def secret_value(value):
    """Whether a literal assigned to a credential name looks like a real credential: not a
    placeholder, a URL, a variable's name, an OID, a multi-line document, or the name of a
    credential itself (a header such as "Proxy-Authorization")."""
    if len(value) < 8 or "\n" in value or is_placeholder(value):
        return False
    if URL_WITHOUT_CREDENTIALS.match(value) or ENVIRONMENT_NAME.match(value) or OBJECT_IDENTIFIER.match(value):
        return False
    return not (WORDS_ONLY.match(value) and SECRET_NAME.search(value))


def credential_shape(value):
    """(kind, matched text) when the string holds a known credential shape."""
    if not CREDENTIAL_HINT.search(value):
        return None
    for kind, pattern in CREDENTIAL_SHAPES:
        match = pattern.search(value)
        if match and not is_placeholder(match.group(0)):
            return kind, match.group(0)
    return None


def parametrized_names(decorators):
    """The argument names a test's `parametrize` decorators bind (data, not fixtures)."""
    names = set()
    for decorator in decorators:
        if type(decorator) is not ast.Call or not decorator.args:
            continue
        parts = dotted_parts(decorator.func)
        if not parts or parts[-1] != "parametrize":
            continue
        first = decorator.args[0]
        if type(first) is ast.Constant and type(first.value) is str:
            names.update(part.strip() for part in first.value.split(","))
        elif type(first) in (ast.List, ast.Tuple):
            names.update(e.value for e in first.elts if type(e) is ast.Constant and type(e.value) is str)
    return names


class Test:
    """One test function and what its own body does."""

    def __init__(self, node, qualname):
        self.node = node
        self.name = node.name
        self.qualname = qualname
        self.line = node.lineno
        self.length = (getattr(node, "end_lineno", None) or node.lineno) - node.lineno + 1
        body = node.body
        self.has_docstring = bool(body) and is_docstring(body[0])
        self.statements = body[1:] if self.has_docstring else body
        self.empty = all(is_filler(statement) for statement in self.statements)
        self.asserts = 0
        self.bare_asserts = 0
        self.pytest_checks = 0
        self.calls = {}
        self.magic = []  # (line, [(literal, enclosing call names)])
        self.rules = set()
        self.fingerprint = []
        self.duplicate_key = None
        parametrize = [
            d for d in node.decorator_list if type(d) is ast.Call and (dotted_parts(d.func) or [""])[-1] == "parametrize"
        ]
        self.parametrize = tuple(dump(d) for d in parametrize)
        arguments = node.args
        every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
        self.parameters = {a.arg for a in every if a.arg not in ("self", "cls")}
        self.parameters -= parametrized_names(node.decorator_list)
        self.is_test = True


class Helper:
    """A module-level function (or a method of a test class): does its own body assert?"""

    def __init__(self, name):
        self.name = name
        self.asserts = False
        self.is_test = False


class FileAnalysis:
    def __init__(self, path, is_test_file):
        self.path = path
        self.is_test_file = is_test_file
        self.lines = 0
        self.syntax_error = None
        self.tests = []
        self.findings = []  # [rule, line, Test or None, message]
        self.helpers = []

    def add(self, rule, line, test, message):
        self.findings.append((rule, line, test, clean_text(message)))


class ModuleWalker:
    """One pass over a module's tree: file rules everywhere, test rules in test bodies."""

    def __init__(self, analysis):
        self.analysis = analysis
        self.imports = {}
        self.sessions = {}  # variable -> library
        self.self_sessions = {}  # attribute of self -> library
        self.http_calls = []  # deferred until every session variable is known
        self.secret_literals = set()
        self.elifs = set()  # `elif` branches: part of the `if` already reported
        # Dicts sent as a request's payload (json=, data=, files=, params=): test data, where
        # a credential-named key (a user's "password") is not the suite's own secret; only
        # a known credential shape is reported there.
        self.payload = set()
        self.compared = set()  # names read, not set: `mode != ssl.CERT_NONE`, assertEqual(mode, ...)

    # -- names ----------------------------------------------------------------------------

    def resolve(self, node):
        """The dotted name a call or reference means, import aliases applied."""
        parts = dotted_parts(node)
        if parts is None:
            return None
        bound = self.imports.get(parts[0])
        if bound is not None:
            return bound + ("." + ".".join(parts[1:]) if len(parts) > 1 else "")
        return ".".join(parts)

    def note_import(self, node):
        if type(node) is ast.Import:
            for alias in node.names:
                if alias.asname:
                    self.imports[alias.asname] = alias.name
                else:
                    head = alias.name.split(".")[0]
                    self.imports[head] = head
        elif node.module and not node.level:
            for alias in node.names:
                self.imports[alias.asname or alias.name] = node.module + "." + alias.name

    # -- the walk -------------------------------------------------------------------------

    def run(self, tree):
        # Entries come in source order (tests are registered in it); the stack pops the last.
        entries = []
        for statement in tree.body:
            entries.extend(self.top_level(statement))
        entries.reverse()
        self.walk(entries)
        self.finish()

    def top_level(self, statement):
        """Walk entries for a module statement, in source order, tests and helpers marked."""
        analysis = self.analysis
        t = type(statement)
        if t in FUNCTIONS:
            if analysis.is_test_file and statement.name.startswith("test"):
                test = Test(statement, statement.name)
                analysis.tests.append(test)
                return self.function_entries(statement, test, test)
            helper = Helper(statement.name)
            analysis.helpers.append(helper)
            return self.function_entries(statement, helper, None)
        if t is ast.ClassDef:
            return self.class_entries(statement)
        return [(statement, None, False, None)]

    def class_entries(self, node):
        """A test class's test methods are tests, its other methods helpers; pytest collects
        classes named Test* (and unittest TestCase subclasses) without an __init__."""
        analysis = self.analysis
        base_names = {parts[-1] for parts in map(dotted_parts, node.bases) if parts}
        named = node.name.startswith("Test")
        collected = named or bool(base_names & TEST_CASE_BASES)
        if collected and any(type(s) in FUNCTIONS and s.name == "__init__" for s in node.body):
            collected = False
        entries = []
        for part in node.decorator_list + node.bases + node.keywords:
            entries.append((part, None, False, None))
        for statement in node.body:
            if type(statement) not in FUNCTIONS or not (named or collected):
                entries.append((statement, None, False, None))
            elif collected and analysis.is_test_file and statement.name.startswith("test"):
                test = Test(statement, node.name + "." + statement.name)
                analysis.tests.append(test)
                entries.extend(self.function_entries(statement, test, test))
            else:
                helper = Helper(statement.name)
                analysis.helpers.append(helper)
                entries.extend(self.function_entries(statement, helper, None))
        return entries

    def function_entries(self, node, fn, test):
        """Walk entries for a function, in source order: the body belongs to `fn` (a test's or
        a helper's own body); decorators, defaults and a test's docstring do not."""
        entries = []
        body = node.body
        if fn is not None and fn is test and test.has_docstring:
            entries.append((body[0], None, False, test))
            body = body[1:]
        entries.extend((statement, fn, False, test) for statement in body)
        self.argument_secrets(node, test)
        arguments = node.args
        before = [(decorator, None, False, test) for decorator in node.decorator_list]
        before.extend((d, None, False, test) for d in arguments.defaults + arguments.kw_defaults if d is not None)
        if node.returns is not None:
            before.append((node.returns, None, False, test))
        return before + entries

    def walk(self, stack):
        """Visits every node once, in source order. In a test's own body each node also adds
        its shape to the test's fingerprint, which finds duplicated tests without ast.dump."""
        analysis = self.analysis
        pop = stack.pop
        extend = stack.extend
        AST = ast.AST
        Name, Constant, Call, Attribute = ast.Name, ast.Constant, ast.Call, ast.Attribute
        while stack:
            node, fn, loop, test = pop()
            t = type(node)
            fingerprint = fn.fingerprint if fn is not None and fn.is_test else None

            if t is Name:
                if fingerprint is not None:
                    fingerprint.append((t, node.id, type(node.ctx)))
                if node.id in self.imports and id(node) not in self.compared and self.resolve(node) in UNVERIFIED_TLS:
                    self.unverified_tls(node, test)
                continue
            if t is Constant:
                value = node.value
                if fingerprint is not None:
                    fingerprint.append((t, type(value), value, node.kind))
                if type(value) is str and len(value) >= 15:
                    self.literal(node, test)
                continue
            if t is Call:
                for keyword in node.keywords:
                    if keyword.arg in PAYLOAD_KEYWORDS:
                        self.payload.update(id(part) for part in ast.walk(keyword.value) if type(part) is ast.Dict)
                self.call(node, fn, loop, test)
            elif t is Attribute:
                if node.attr in UNVERIFIED_TLS_NAMES and id(node) not in self.compared and self.resolve(node) in UNVERIFIED_TLS:
                    self.unverified_tls(node, test)
            elif t is ast.Compare:
                for operand in [node.left] + node.comparators:
                    if type(operand) is Attribute or type(operand) is Name:
                        self.compared.add(id(operand))
            elif t is ast.Assert:
                if fn is not None:
                    if fn.is_test:
                        fn.asserts += 1
                        if node.msg is None:
                            fn.bare_asserts += 1
                        self.collect_magic(node, fn)
                    else:
                        fn.asserts = True
            elif t is ast.Assign or t is ast.AnnAssign:
                self.assignment(node, test)
            elif t is ast.Raise:
                if fn is not None and not fn.is_test and node.exc is not None:
                    target = node.exc.func if type(node.exc) is Call else node.exc
                    if type(target) is Name and target.id == "AssertionError":
                        fn.asserts = True
            elif t is ast.Dict:
                for key, value in zip(node.keys, node.values):
                    tk = type(key)
                    if tk is Constant and type(key.value) is str and id(node) not in self.payload:
                        self.named_value(key.value, value, test)
                    elif tk is Attribute or tk is Name:
                        self.compared.add(id(key))
            elif t is ast.Import or t is ast.ImportFrom:
                if fingerprint is not None:
                    fingerprint.append((t, dump(node)))
                self.note_import(node)
                continue
            elif t is ast.With or t is ast.AsyncWith:
                for item in node.items:
                    if type(item.optional_vars) is Name and type(item.context_expr) is Call:
                        library = SESSION_CONSTRUCTORS.get(self.resolve(item.context_expr.func))
                        if library:
                            self.sessions[item.optional_vars.id] = library
            elif t in FUNCTIONS or t is ast.ClassDef:
                # A nested definition is not the test's own body: walked for file rules only.
                if fingerprint is not None:
                    fingerprint.append((t, dump(node)))
                if t is ast.ClassDef:
                    children = [(part, None, False, test) for part in node.decorator_list + node.bases + node.keywords + node.body]
                    children.reverse()
                    extend(children)
                else:
                    children = self.function_entries(node, None, test)
                    children.reverse()
                    extend(children)
                continue

            if fingerprint is not None and t in BRANCHES and not self.skip_guard(node):
                if t is ast.If and len(node.orelse) == 1 and type(node.orelse[0]) is ast.If:
                    self.elifs.add(id(node.orelse[0]))
                if id(node) not in self.elifs:
                    analysis.add(
                        "conditional-test-logic", node.lineno, test,
                        f"{BRANCHES[t]} statement in {test.qualname}: a test that branches or loops can pass without checking what it should",
                    )

            # Children, in source order, with the loop flag where the code repeats.
            if t in LOOPS:
                if fingerprint is not None:
                    fingerprint.append(signature(node))
                if t is ast.While:
                    children = [(node.test, fn, True, test)]
                else:
                    children = [(node.target, fn, loop, test), (node.iter, fn, loop, test)]
                children.extend((s, fn, True, test) for s in node.body)
                children.extend((s, fn, loop, test) for s in node.orelse)
                children.reverse()
                extend(children)
                continue
            if t in COMPREHENSIONS:
                if fingerprint is not None:
                    fingerprint.append(signature(node))
                children = []
                for index, generator in enumerate(node.generators):
                    if fingerprint is not None:
                        fingerprint.append(signature(generator))
                    children.append((generator.iter, fn, loop if index == 0 else True, test))
                    children.append((generator.target, fn, True, test))
                    children.extend((condition, fn, True, test) for condition in generator.ifs)
                if t is ast.DictComp:
                    children.append((node.key, fn, True, test))
                    children.append((node.value, fn, True, test))
                else:
                    children.append((node.elt, fn, True, test))
                children.reverse()
                extend(children)
                continue

            # Operators and contexts (Add, Eq, Load: nodes without fields) are not visited;
            # a fingerprint records their type in place.
            children = []
            if fingerprint is None:
                for field in node._fields:
                    value = getattr(node, field, None)
                    if type(value) is list:
                        for item in value:
                            if isinstance(item, AST) and item._fields:
                                children.append((item, fn, loop, test))
                    elif isinstance(value, AST) and value._fields:
                        children.append((value, fn, loop, test))
            else:
                shape = [t]
                for field in node._fields:
                    value = getattr(node, field, None)
                    if type(value) is list:
                        gaps = None
                        for index, item in enumerate(value):
                            if isinstance(item, AST):
                                if item._fields:
                                    children.append((item, fn, loop, test))
                                    continue
                                item = type(item)
                            gaps = (gaps or ()) + ((index, item),)
                        shape.append(len(value) if gaps is None else (len(value), gaps))
                    elif isinstance(value, AST):
                        if value._fields:
                            children.append((value, fn, loop, test))
                            shape.append(CHILD)
                        else:
                            shape.append(type(value))
                    else:
                        shape.append(value)
                fingerprint.append(tuple(shape))
            if children:
                if len(children) > 1:
                    children.reverse()
                extend(children)

    def unverified_tls(self, node, test):
        resolved = self.resolve(node)
        self.analysis.add("tls-verify-disabled", node.lineno, test, f"{resolved} turns off TLS certificate checks, so a man in the middle goes unnoticed")

    # -- node rules -----------------------------------------------------------------------

    def call(self, node, fn, loop, test):
        analysis = self.analysis
        func = node.func
        resolved = self.resolve(func)
        ft = type(func)
        if ft is ast.Name:
            called = func.id
        elif ft is ast.Attribute:
            called = func.attr
        else:
            called = None
        line = node.lineno

        for keyword in node.keywords:
            name = keyword.arg
            if name is None:
                continue
            value = keyword.value
            if type(value) is ast.Constant:
                if name == "verify" and value.value is False:
                    analysis.add("tls-verify-disabled", line, test, "verify=False disables TLS certificate checks, so a man in the middle goes unnoticed")
                elif name == "check_hostname" and value.value is False:
                    analysis.add("tls-verify-disabled", line, test, "check_hostname=False accepts a certificate issued for any host")
                elif name == "shell" and value.value is True:
                    analysis.add("shell-true", line, test, "shell=True hands the command to a shell, where any interpolated value can inject commands")
            self.named_value(name, value, test)

        if called is not None and HELPER_NAME.match(called):
            for argument in node.args:
                if type(argument) is ast.Attribute or type(argument) is ast.Name:
                    self.compared.add(id(argument))

        if resolved is not None:
            if resolved in EVALS:
                analysis.add("eval-exec", line, test, f"{resolved.split('.')[-1]}() runs arbitrary code built from strings; parse or call the code directly")
            elif resolved in SHELL_CALLS:
                analysis.add("shell-true", line, test, f"{resolved}() runs its argument through a shell, where any interpolated value can inject commands")
            elif resolved in UNSAFE_LOADS:
                analysis.add("unsafe-deserialization", line, test, f"{resolved} can construct arbitrary objects and run code from untrusted data")
            elif resolved in YAML_LOADS:
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                if loader is None and len(node.args) >= 2:
                    loader = node.args[1]
                loader_name = (dotted_parts(loader) or [""])[-1] if loader is not None else None
                if loader is None:
                    analysis.add("unsafe-deserialization", line, test, f"{resolved} without Loader= may construct arbitrary objects; use yaml.safe_load")
                elif loader_name in UNSAFE_YAML_LOADERS:
                    analysis.add("unsafe-deserialization", line, test, f"{resolved} with {loader_name} constructs arbitrary objects from untrusted data; use yaml.safe_load")

        # HTTP calls are judged once the module's session variables are all known.
        if ft is ast.Attribute and func.attr in HTTP_VERBS or (resolved is not None and resolved.rpartition(".")[0] in HTTP_LIBRARIES):
            self.http_candidate(node, resolved, fn, loop, test)

        if fn is None:
            return
        if not fn.is_test:
            if resolved == "pytest.fail":
                fn.asserts = True
            return
        if called is not None:
            fn.calls[called] = fn.calls.get(called, 0) + 1
        if resolved in PYTEST_CHECKS:
            fn.pytest_checks += 1
        elif resolved in SLEEPS:
            argument = source_of(node.args[0]) if node.args else ""
            analysis.add("sleepy-test", line, test, f"{resolved}({argument}) makes the test slow and timing-dependent; wait for a condition instead")
        elif resolved == "print":
            analysis.add("redundant-print", line, test, f"print() in {test.qualname} writes output pytest captures and nobody reads; assert on the value instead")
        elif resolved in SESSION_CONSTRUCTORS:
            analysis.add("new-session-per-test", line, test, f"{resolved}() in {test.qualname} opens a new connection pool per test; share one from a fixture")

    def http_candidate(self, node, resolved, fn, loop, test):
        func = node.func
        keywords = node.keywords
        entry = {
            "line": node.lineno,
            "test": test,
            "loop": loop and fn is not None and fn.is_test,
            "has_timeout": any(k.arg == "timeout" for k in keywords),
            "spread": any(k.arg is None for k in keywords),
            "library": None,
            "variable": None,
            "self_variable": None,
            "fixture": False,
            "label": resolved or getattr(func, "attr", "call"),
        }
        prefix, _, verb = (resolved or "").rpartition(".")
        if prefix in HTTP_LIBRARIES and verb in HTTP_VERBS:
            entry["library"] = prefix
        elif type(func) is ast.Attribute:
            base = func.value
            if type(base) is ast.Name:
                entry["variable"] = base.id
                if entry["loop"] and func.attr in FIXTURE_VERBS and base.id in fn.parameters:
                    entry["fixture"] = True
            elif type(base) is ast.Attribute and type(base.value) is ast.Name and base.value.id == "self":
                entry["self_variable"] = base.attr
            elif type(base) is ast.Call:
                entry["library"] = SESSION_CONSTRUCTORS.get(self.resolve(base.func))
                entry["label"] = (self.resolve(base.func) or "session") + "()." + func.attr
            if entry["library"] is None and entry["variable"] is None and entry["self_variable"] is None:
                return
        else:
            return
        self.http_calls.append(entry)

    def finish(self):
        analysis = self.analysis
        for entry in self.http_calls:
            library = entry["library"]
            if library is None and entry["variable"] is not None:
                library = self.sessions.get(entry["variable"])
            if library is None and entry["self_variable"] is not None:
                library = self.self_sessions.get(entry["self_variable"]) or self.sessions.get(entry["self_variable"])
            if library is None and not entry["fixture"]:
                continue
            label = entry["label"]
            if library is not None and entry["variable"] is not None:
                label = entry["variable"] + "." + label.rpartition(".")[2]
            elif library is not None and entry["self_variable"] is not None:
                label = "self." + entry["self_variable"] + "." + label.rpartition(".")[2]
            elif entry["fixture"]:
                label = entry["variable"] + "." + label.rpartition(".")[2]
            test = entry["test"]
            if entry["loop"]:
                analysis.add("request-in-loop", entry["line"], test, f"{label} inside a loop in {test.qualname}: one test sends many requests; parametrize it so each case runs and fails on its own")
            if library in LIBRARIES_WITHOUT_DEFAULT_TIMEOUT and not entry["has_timeout"] and not entry["spread"]:
                analysis.add("request-without-timeout", entry["line"], test, f"{label} without timeout= can hang the suite forever when the server does not answer")

    def skip_guard(self, node):
        """`if not X: pytest.skip(...)`: a precondition, not logic under test."""
        if type(node) is not ast.If or node.orelse or not node.body:
            return False
        for statement in node.body:
            if type(statement) is not ast.Expr or type(statement.value) is not ast.Call:
                return False
            if self.resolve(statement.value.func) not in SKIP_CALLS:
                return False
        return True

    def assignment(self, node, test):
        targets = node.targets if type(node) is ast.Assign else [node.target]
        value = node.value
        if value is None:
            return
        if type(value) is ast.Call:
            library = SESSION_CONSTRUCTORS.get(self.resolve(value.func))
            if library:
                for target in targets:
                    if type(target) is ast.Name:
                        self.sessions[target.id] = library
                    elif type(target) is ast.Attribute and type(target.value) is ast.Name and target.value.id == "self":
                        self.self_sessions[target.attr] = library
            return
        for target in targets:
            tt = type(target)
            if tt is ast.Name:
                name = target.id
            elif tt is ast.Attribute:
                name = target.attr
            elif tt is ast.Subscript:
                key = target.slice
                if type(key) is not ast.Constant or type(key.value) is not str:
                    continue
                name = key.value
            else:
                continue
            if name == "check_hostname" and type(value) is ast.Constant and value.value is False:
                self.analysis.add("tls-verify-disabled", node.lineno, test, "check_hostname = False accepts a certificate issued for any host")
            self.named_value(name, value, test)

    def argument_secrets(self, node, test):
        arguments = node.args
        positional = arguments.posonlyargs + arguments.args
        for argument, default in zip(positional[len(positional) - len(arguments.defaults):], arguments.defaults):
            self.named_value(argument.arg, default, test)
        for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
            if default is not None:
                self.named_value(argument.arg, default, test)

    def named_value(self, name, value, test):
        """hard-coded-secret by name: a credential-named target given a literal."""
        vt = type(value)
        if vt is not ast.Constant and vt is not ast.BinOp:
            return
        text = fold_string(value)
        if text is None or not secret_name(name):
            return
        key = (value.lineno, value.col_offset)
        if key in self.secret_literals:
            return
        if secret_value(text):
            self.secret_literals.add(key)
            if vt is ast.BinOp:
                self.secret_literals.update((part.lineno, part.col_offset) for part in ast.walk(value) if type(part) is ast.Constant)
            self.analysis.add(
                "hard-coded-secret", value.lineno, test,
                f"{name} is given a hard-coded secret ('{text[:4]}...', {len(text)} characters): anyone with the code has it; read it from the environment",
            )

    def literal(self, node, test):
        """hard-coded-secret by shape: a string that looks like a real credential."""
        found = credential_shape(node.value)
        if found is None:
            return
        key = (node.lineno, node.col_offset)
        if key in self.secret_literals:
            return
        self.secret_literals.add(key)
        kind, text = found
        self.analysis.add(
            "hard-coded-secret", node.lineno, test,
            f"a string literal holds what looks like a {kind} ('{text[:4]}...', {len(text)} characters): anyone with the code has it; read it from the environment",
        )

    def collect_magic(self, node, test):
        """Numeric literals of an assert, each with the calls around it (helpers decide later)."""
        exempt = set()
        found = []
        stack = [(node.test, ())]
        while stack:
            current, calls = stack.pop()
            t = type(current)
            if t is ast.Constant:
                value = current.value
                vt = type(value)
                if vt in (int, float, complex) and id(current) not in exempt and not allowed_number(value):
                    found.append((current.lineno, current.col_offset, repr(value), calls))
                continue
            if t is ast.UnaryOp and type(current.op) is ast.USub and type(current.operand) is ast.Constant:
                value = current.operand.value
                if type(value) in (int, float, complex) and not allowed_number(-value):
                    found.append((current.lineno, current.col_offset, repr(-value), calls))
                continue
            if t is ast.Compare:
                self.exempt_status_codes(current, exempt)
            elif t is ast.Call:
                func = current.func
                name = func.id if type(func) is ast.Name else func.attr if type(func) is ast.Attribute else None
                if name is not None:
                    calls = calls + (name,)
            for child in ast.iter_child_nodes(current):
                stack.append((child, calls))
        if found:
            found.sort(key=lambda entry: entry[:2])
            test.magic.append((node.lineno, [(text, calls) for _, _, text, calls in found]))

    @staticmethod
    def exempt_status_codes(node, exempt):
        if not all(isinstance(op, COMPARISONS) for op in node.ops):
            return
        operands = [node.left] + node.comparators
        statuses = [mentions_status(operand) for operand in operands]
        if not any(statuses):
            return
        for operand, is_status in zip(operands, statuses):
            if is_status:
                continue
            t = type(operand)
            if t in (ast.Tuple, ast.List, ast.Set):
                candidates = operand.elts
            elif t is ast.Call and type(operand.func) is ast.Name and operand.func.id == "range":
                candidates = operand.args
            else:
                candidates = [operand]
            for candidate in candidates:
                if type(candidate) is ast.Constant and type(candidate.value) is int and 100 <= candidate.value <= 599:
                    exempt.add(id(candidate))


def allowed_number(value):
    if type(value) is int:
        return value in ALLOWED_INTS
    if type(value) is float:
        return value in ALLOWED_FLOATS
    return False


# -- files ----------------------------------------------------------------------------------


def is_test_file_name(name):
    return name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py"))


def python_files(root):
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = [d for d in subdirectories if d not in SKIPPED_DIRECTORIES and not d.startswith(".")]
        for name in files:
            if name.endswith(".py"):
                full = os.path.join(directory, name)
                if os.path.isfile(full):
                    found.append((clean_text(os.path.relpath(full, root).replace(os.sep, "/")), full))
    found.sort()
    return found


def declared_encoding(data):
    """The encoding a PEP 263 comment on the first or second line declares, else None."""
    lines = data.split(b"\n", 2)[:2]
    for index, line in enumerate(lines):
        match = CODING_COOKIE.match(line)
        if match:
            return match.group(1).decode("ascii")
        if index == 0 and not BLANK_OR_COMMENT.match(line):
            return None
    return None


def decode(data):
    """The text of a source file: UTF-8 (a BOM allowed) unless a coding comment says
    otherwise, as Python reads it. Raises ValueError with the reason."""
    declared = declared_encoding(data)
    encoding = "utf-8-sig"
    if declared is not None:
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            raise ValueError(f"the file declares an unknown encoding {declared!r}")
        if name != "utf-8":
            encoding = name
    try:
        return data.decode(encoding)
    except UnicodeError as error:
        label = "UTF-8" if encoding == "utf-8-sig" else encoding
        raise ValueError(f"the file is not valid {label} ({error})")


def physical_lines(text):
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def syntax_failure(analysis, line, column, message):
    message = clean_text(message)
    analysis.syntax_error = {"line": line, "column": column, "message": message}
    analysis.add("syntax-error", line, None, f"{message} (line {line}): Python cannot import this file, so none of it runs")


def analyse_file(relative, full):
    name = relative.rpartition("/")[2]
    analysis = FileAnalysis(relative, is_test_file_name(name))
    try:
        with open(full, "rb") as handle:
            data = handle.read()
    except OSError as error:
        syntax_failure(analysis, 1, 0, f"the file cannot be read ({error.strerror or error})")
        return analysis
    try:
        text = decode(data)
    except ValueError as error:
        analysis.lines = physical_lines(data.decode("utf-8", "replace"))
        syntax_failure(analysis, 1, 0, str(error))
        return analysis
    analysis.lines = physical_lines(text)
    try:
        tree = ast.parse(text, filename=relative)
    except SyntaxError as error:
        syntax_failure(analysis, error.lineno or 1, error.offset or 0, error.msg or "invalid syntax")
        return analysis
    except (ValueError, MemoryError, RecursionError) as error:
        syntax_failure(analysis, 1, 0, str(error) or type(error).__name__)
        return analysis
    try:
        ModuleWalker(analysis).run(tree)
    except Exception as error:  # never lose the whole run to one odd file
        analysis.tests = []
        analysis.findings = []
        syntax_failure(analysis, 1, 0, f"the analyzer could not process this file ({type(error).__name__})")
    for test in analysis.tests:
        seal(test)
    return analysis


# -- rules over tests -----------------------------------------------------------------------


def test_rules(analysis, helpers, max_lines):
    for test in analysis.tests:
        line = test.line
        assertions = test.asserts + test.pytest_checks
        for name, count in test.calls.items():
            if is_helper_name(name, helpers):
                assertions += count
        test.assertions = assertions
        if assertions == 0:
            analysis.add("no-assertion", line, test, f"{test.qualname} checks nothing: it passes whatever the API answers")
        if test.length > max_lines:
            analysis.add("too-long", line, test, f"{test.qualname} is {test.length} lines long (limit {max_lines}): a long test checks many things and is hard to diagnose")
        if not test.has_docstring:
            analysis.add("missing-docstring", line, test, f"{test.qualname} has no docstring: a failure does not say what behaviour broke")
        if test.empty:
            analysis.add("empty-test", line, test, f"{test.qualname} has an empty body: it always passes and tests nothing")
        if test.bare_asserts >= 2:
            analysis.add("assertion-roulette", line, test, f"{test.qualname} has {test.bare_asserts} bare asserts without messages: a failure will not say which one broke")
        for assert_line, literals in test.magic:
            magic = [text for text, calls in literals if not any(is_helper_name(call, helpers) for call in calls)]
            if magic:
                shown = ", ".join(dict.fromkeys(magic))
                plural = "s" if len(set(magic)) > 1 else ""
                analysis.add("magic-number", assert_line, test, f"assert compares with the unexplained number{plural} {shown}: name the value so the test says what it means")


def seal(test):
    """Turns the walk's fingerprint into the key duplicates share, and lets the tree go."""
    if not test.empty:
        body = tuple(test.fingerprint)
        test.duplicate_key = (tuple(sorted(test.parameters)), test.parametrize, len(body), hash(body))
    test.fingerprint = None
    test.node = None
    test.statements = None


def find_duplicates(analyses):
    seen = {}
    for analysis in analyses:
        for test in analysis.tests:
            key = test.duplicate_key
            if key is None:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = analysis.path + "::" + test.qualname
                continue
            analysis.add("duplicate-test", test.line, test, f"{test.qualname} repeats the body of {first}: the copy adds run time but no coverage")


# -- output ---------------------------------------------------------------------------------


def report(analysis):
    for rule, _, test, _ in analysis.findings:
        if test is not None:
            test.rules.add(rule)
    findings = sorted(
        (
            {
                "rule": rule,
                "category": CATEGORIES[rule],
                "line": line,
                "test": test.qualname if test is not None else None,
                "message": message,
            }
            for rule, line, test, message in analysis.findings
        ),
        key=lambda f: (f["line"], f["rule"], f["test"] or "", f["message"]),
    )
    tests = [
        {
            "name": test.name,
            "qualname": test.qualname,
            "line": test.line,
            "length": test.length,
            "assertions": test.assertions,
            "has_docstring": test.has_docstring,
            "rules": sorted(test.rules),
        }
        for test in analysis.tests
    ]
    return {
        "path": analysis.path,
        "is_test_file": analysis.is_test_file,
        "lines": analysis.lines,
        "syntax_error": analysis.syntax_error,
        "tests": tests,
        "findings": findings,
    }


def analyse(root, max_lines):
    analyses = [analyse_file(relative, full) for relative, full in python_files(root)]
    helpers = set()
    for analysis in analyses:
        helpers.update(helper.name for helper in analysis.helpers if helper.asserts)
    for analysis in analyses:
        test_rules(analysis, helpers, max_lines)
    find_duplicates(analyses)
    return {
        "version": VERSION,
        "python": platform.python_version(),
        "max_test_lines": max_lines,
        "files": [report(analysis) for analysis in analyses],
    }


def fail(message):
    sys.stderr.write(message + "\n")
    sys.exit(2)


def parse_arguments(arguments):
    root = None
    max_lines = DEFAULT_MAX_TEST_LINES
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        value = None
        if argument == "--max-test-lines":
            if index + 1 >= len(arguments):
                fail("--max-test-lines needs a number")
            value = arguments[index + 1]
            index += 1
        elif argument.startswith("--max-test-lines="):
            value = argument.partition("=")[2]
        elif root is None:
            root = argument
        else:
            fail(f"unexpected argument {argument!r}; usage: analyzer.py DIR [--max-test-lines N]")
        if value is not None:
            try:
                max_lines = int(value)
            except ValueError:
                fail(f"--max-test-lines needs a whole number, not {value!r}")
            if max_lines < 1:
                fail("--max-test-lines must be at least 1")
        index += 1
    if root is None:
        fail("usage: analyzer.py DIR [--max-test-lines N]")
    return root, max_lines


def main(arguments):
    # Trees are dropped file by file and hold no cycles worth collecting: the collector
    # would only rescan them while they are built.
    gc.disable()
    # Python 3.11 ties building the tree of a long `a + b + ...` chain to this limit.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10000))
    root, max_lines = parse_arguments(arguments)
    if not os.path.isdir(root):
        fail(f"{root} is not a directory")
    result = analyse(root, max_lines)
    sys.stdout.write(json.dumps(result, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
"""#
}
