"""Tests of analyzer.py, the static analysis Assay runs over pytest directories.

Each test writes a small directory, runs the analyzer the way Assay does
(`python3 analyzer.py DIR [--max-test-lines N]`) and checks the JSON. Set
ANALYZER_PYTHON to run the analyzer under another interpreter (python3.9 ... python3.13).
"""

import json
import os
import subprocess
import sys
import textwrap
import time
from collections import Counter

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ANALYZER = os.path.join(HERE, "analyzer.py")
PYTHON = os.environ.get("ANALYZER_PYTHON", sys.executable)


def run_cli(*arguments):
    return subprocess.run([PYTHON, ANALYZER, *map(str, arguments)], capture_output=True, text=True, timeout=60)


def analyse(directory, *arguments):
    completed = run_cli(directory, *arguments)
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == ""
    return json.loads(completed.stdout)


def write(root, files):
    for path, text in files.items():
        full = root / path
        full.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            full.write_bytes(text)
        else:
            full.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


@pytest.fixture
def scan(tmp_path):
    """scan({path: source}, *args) -> the analyzer's JSON for a directory of those files."""

    runs = []

    def scan(files, *arguments):
        runs.append(None)
        root = tmp_path / f"run{len(runs)}"
        root.mkdir()
        write(root, files)
        return analyse(root, *arguments)

    return scan


def file_of(result, path):
    matches = [f for f in result["files"] if f["path"] == path]
    assert matches, f"{path} not in {[f['path'] for f in result['files']]}"
    return matches[0]


def entry_of(result, path, qualname):
    matches = [t for t in file_of(result, path)["tests"] if t["qualname"] == qualname]
    assert len(matches) == 1, f"{qualname} not in {path}"
    return matches[0]


def findings(result, rule=None, path=None, test=...):
    found = []
    for entry in result["files"]:
        if path is not None and entry["path"] != path:
            continue
        for finding in entry["findings"]:
            if rule is not None and finding["rule"] != rule:
                continue
            if test is not ... and finding["test"] != test:
                continue
            found.append(finding)
    return found


def rules_of(result, path="test_x.py", qualname="test_x"):
    return set(entry_of(result, path, qualname)["rules"])


def one_test(scan, body, *arguments, docstring=True, signature="test_x()", prelude=""):
    """Analyses one test function `test_x` in test_x.py and returns the result."""
    doc = '    """Checks x."""\n' if docstring else ""
    source = textwrap.dedent(prelude).lstrip("\n") + f"\n\ndef {signature}:\n" + doc + textwrap.indent(textwrap.dedent(body).strip("\n"), "    ") + "\n"
    return scan({"test_x.py": source}, *arguments)


# -- the command line and the document ----------------------------------------------------------


def test_schema_has_exactly_the_documented_keys(scan):
    result = one_test(scan, "time.sleep(1)\nassert f()\nassert g()", prelude="import time")
    assert set(result) == {"version", "python", "max_test_lines", "files"}
    assert result["version"] == 1
    assert result["max_test_lines"] == 50
    assert result["python"].count(".") == 2
    entry = file_of(result, "test_x.py")
    assert set(entry) == {"path", "is_test_file", "lines", "syntax_error", "tests", "findings"}
    assert set(entry["tests"][0]) == {"name", "qualname", "line", "length", "assertions", "has_docstring", "rules"}
    assert entry["findings"]
    for finding in entry["findings"]:
        assert set(finding) == {"rule", "category", "line", "test", "message"}


def test_output_is_one_sorted_json_document(tmp_path):
    write(tmp_path, {"test_a.py": "def test_a():\n    assert f()\n"})
    completed = run_cli(tmp_path)
    assert completed.returncode == 0
    document = json.loads(completed.stdout)
    assert completed.stdout.strip() == json.dumps(document, sort_keys=True)


def test_not_a_directory_exits_2_with_one_line(tmp_path):
    completed = run_cli(tmp_path / "missing")
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr.count("\n") == 1 and "not a directory" in completed.stderr


def test_a_file_is_not_a_directory(tmp_path):
    write(tmp_path, {"test_a.py": "def test_a():\n    assert f()\n"})
    completed = run_cli(tmp_path / "test_a.py")
    assert completed.returncode == 2


@pytest.mark.parametrize("arguments", [["--max-test-lines"], ["--max-test-lines", "many"], ["--max-test-lines", "0"], []])
def test_bad_arguments_exit_2(tmp_path, arguments):
    completed = run_cli(*([tmp_path] if arguments else []), *arguments)
    assert completed.returncode == 2
    assert completed.stderr.count("\n") == 1


def test_max_test_lines_option_both_spellings(tmp_path):
    write(tmp_path, {"test_a.py": "def test_a():\n    '''Doc.'''\n" + "    x = 1\n" * 10 + "    assert x\n"})
    assert analyse(tmp_path)["max_test_lines"] == 50
    assert not findings(analyse(tmp_path), "too-long")
    assert analyse(tmp_path, "--max-test-lines", "5")["max_test_lines"] == 5
    assert findings(analyse(tmp_path, "--max-test-lines", "5"), "too-long")
    assert findings(analyse(tmp_path, "--max-test-lines=5"), "too-long")
    assert findings(analyse("--max-test-lines", "5", tmp_path), "too-long")


def test_walk_skips_virtualenvs_caches_and_hidden_directories(scan):
    test = "def test_a():\n    assert f()\n"
    result = scan({
        "test_top.py": test,
        "pkg/test_deep.py": test,
        "pkg/helpers.py": "X = 1\n",
        ".venv/lib/test_v.py": test,
        "venv/test_v.py": test,
        ".git/test_g.py": test,
        "__pycache__/test_c.py": test,
        "node_modules/test_n.py": test,
        ".tox/test_t.py": test,
        "lib/site-packages/test_s.py": test,
        ".hidden/test_h.py": test,
        "notes.txt": "not python",
    })
    assert [f["path"] for f in result["files"]] == ["pkg/helpers.py", "pkg/test_deep.py", "test_top.py"]


def test_output_is_deterministic(tmp_path):
    write(tmp_path, {
        "test_b.py": "def test_b():\n    assert f() == 42\n    assert g()\n",
        "test_a.py": "def test_a():\n    assert f() == 42\n    assert g()\n",
    })
    assert run_cli(tmp_path).stdout == run_cli(tmp_path).stdout


def test_empty_directory(tmp_path):
    assert analyse(tmp_path)["files"] == []


# -- files and tests ----------------------------------------------------------------------


def test_which_files_are_test_files_and_which_functions_are_tests(scan):
    result = scan({
        "test_a.py": """
            import pytest

            def test_plain():
                assert f()

            async def test_async():
                assert await f()

            def helper_test():
                assert f()

            def testing_prefix():
                assert f()

            class TestGroup:
                def test_method(self):
                    assert f()

                def _helper(self):
                    assert f()

                def test_other(self):
                    def test_nested():
                        assert f()
                    assert f()

            class TestWithInit:
                def __init__(self):
                    self.x = 1

                def test_ignored(self):
                    assert f()

            class Group:
                def test_not_collected(self):
                    assert f()
            """,
        "pets_test.py": "def test_b():\n    assert f()\n",
        "conftest.py": "def test_not_in_conftest():\n    assert f()\n",
        "helpers.py": "def test_not_in_helpers():\n    assert f()\n",
    })
    names = [t["qualname"] for t in file_of(result, "test_a.py")["tests"]]
    assert names == ["test_plain", "test_async", "testing_prefix", "TestGroup.test_method", "TestGroup.test_other"]
    assert entry_of(result, "test_a.py", "TestGroup.test_method")["name"] == "test_method"
    assert [t["qualname"] for t in file_of(result, "pets_test.py")["tests"]] == ["test_b"]
    assert file_of(result, "pets_test.py")["is_test_file"] is True
    for path in ("conftest.py", "helpers.py"):
        assert file_of(result, path)["is_test_file"] is False
        assert file_of(result, path)["tests"] == []


def test_unittest_test_case_classes_are_collected(scan):
    result = scan({"test_a.py": """
        import unittest

        class PetChecks(unittest.TestCase):
            def test_one(self):
                self.assertEqual(f(), 3)
        """})
    assert entry_of(result, "test_a.py", "PetChecks.test_one")["assertions"] == 1


def test_line_length_and_lines(scan):
    result = scan({"test_a.py": """
        import pytest


        @pytest.mark.slow
        @pytest.mark.parametrize("x", [1])
        def test_a(x):
            '''Doc.'''
            assert x
        """})
    test = entry_of(result, "test_a.py", "test_a")
    assert test["line"] == 6
    assert test["length"] == 3
    assert test["has_docstring"] is True
    assert file_of(result, "test_a.py")["lines"] == 8


def test_physical_lines_without_trailing_newline(tmp_path):
    (tmp_path / "helpers.py").write_text("a = 1\nb = 2", encoding="utf-8")
    assert file_of(analyse(tmp_path), "helpers.py")["lines"] == 2


# -- syntax errors and unreadable files ---------------------------------------------------


def test_syntax_error_file(scan):
    result = scan({
        "test_bad.py": "def test_a():\n    assert f(\n\ndef test_b():\n    assert g()\n",
        "test_good.py": "def test_ok():\n    assert f()\n",
    })
    bad = file_of(result, "test_bad.py")
    assert bad["tests"] == []
    error = bad["syntax_error"]
    assert error["line"] in (2, 4)  # Python 3.9's parser reports it where the next def starts
    assert isinstance(error["column"], int) and error["message"]
    assert [(f["rule"], f["category"], f["line"], f["test"]) for f in bad["findings"]] == [("syntax-error", "syntax", error["line"], None)]
    assert error["message"] in bad["findings"][0]["message"]
    assert file_of(result, "test_good.py")["syntax_error"] is None


def test_syntax_error_in_helper_module(scan):
    result = scan({"conftest.py": "import os\nx = = 1\n"})
    assert findings(result, "syntax-error", "conftest.py")[0]["line"] == 2


def test_file_that_is_not_utf8(scan):
    result = scan({"test_latin.py": b"# caf\xe9\ndef test_a():\n    assert f()\n"})
    entry = file_of(result, "test_latin.py")
    assert entry["tests"] == []
    assert entry["syntax_error"]["line"] == 1
    assert "UTF-8" in entry["syntax_error"]["message"]
    assert [f["rule"] for f in entry["findings"]] == ["syntax-error"]


def test_encoding_declarations(scan):
    latin = "# -*- coding: latin-1 -*-\ndef test_a():\n    '''Caf\xe9.'''\n    assert f()\n"
    result = scan({
        "test_latin.py": latin.encode("latin-1"),
        "test_unknown.py": b"# coding: klingon\ndef test_b():\n    assert f()\n",
        "test_late.py": b"x = 1\n# coding: latin-1\ns = '\xe9'\n",
    })
    assert file_of(result, "test_latin.py")["findings"] == []
    assert "unknown encoding" in file_of(result, "test_unknown.py")["syntax_error"]["message"]
    assert "UTF-8" in file_of(result, "test_late.py")["syntax_error"]["message"]


def test_null_bytes_and_bom(scan):
    result = scan({
        "test_null.py": b"def test_a():\n    assert f()\x00\n",
        "test_bom.py": b"\xef\xbb\xbfdef test_b():\n    '''Doc.'''\n    assert f()\n",
    })
    assert [f["rule"] for f in file_of(result, "test_null.py")["findings"]] == ["syntax-error"]
    assert file_of(result, "test_bom.py")["findings"] == []
    assert entry_of(result, "test_bom.py", "test_b")["assertions"] == 1


def test_deeply_nested_expression_does_not_crash(scan):
    result = scan({"test_deep.py": "def test_a():\n    '''Doc.'''\n    assert f(" + " + ".join(["1"] * 3000) + ")\n"})
    entry = file_of(result, "test_deep.py")
    assert entry["tests"] or entry["syntax_error"]


def test_odd_directory_entries_are_skipped(tmp_path):
    write(tmp_path, {"test_a.py": "def test_a():\n    assert f()\n"})
    (tmp_path / "dangling_test.py").symlink_to(tmp_path / "missing.py")
    (tmp_path / "package.py").mkdir()
    assert [f["path"] for f in analyse(tmp_path)["files"]] == ["test_a.py"]


def test_long_concatenated_secret_does_not_crash(scan):
    source = "TOKEN = " + " + ".join(["'ab12'"] * 1500) + "\n"
    found = findings(scan({"helpers.py": source}), "hard-coded-secret")
    assert len(found) == 1 and "6000 characters" in found[0]["message"]
    # Deeper still, some Pythons (3.12) cannot build the tree at all: a finding, not a crash.
    result = scan({"helpers.py": "TOKEN = " + " + ".join(["'ab12'"] * 3000) + "\n"})
    assert findings(result, "hard-coded-secret") or findings(result, "syntax-error")


def test_undecodable_file_name_gives_valid_json(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/test_caf\xe9.py"
    try:
        with open(name, "wb") as handle:
            handle.write(b"def test_a():\n    assert f()\n")
    except OSError:
        pytest.skip("the file system refuses undecodable names")
    completed = run_cli(tmp_path)
    assert completed.returncode == 0
    document = json.loads(completed.stdout)
    path = document["files"][0]["path"]
    path.encode("utf-8")  # no lone surrogates
    assert path.startswith("test_caf")


# -- assertions ---------------------------------------------------------------------------


def test_assertions_are_counted_by_kind(scan):
    result = scan({"test_a.py": """
        import pytest
        from pytest import raises

        def test_a(api):
            '''Doc.'''
            assert f(), "message"
            with pytest.raises(ValueError):
                g()
            with raises(KeyError):
                g()
            with pytest.warns(UserWarning):
                g()
            if h():
                pytest.fail("h failed")
            expect_status(api.request("GET", "/pets"), (200,))
            self.assertEqual(1, 1)
            checkStatus(1)
            verify_body(1)
            ensure_gone(1)
            check(1)
            def inner():
                assert False
            class Inner:
                def method(self):
                    assert False
            for item in items:
                assert item
        """})
    assert entry_of(result, "test_a.py", "test_a")["assertions"] == 12


def test_names_that_only_start_like_helpers_are_not_assertions(scan):
    result = one_test(scan, "checkout(cart)\nexpectation = expected_total()\nverifying = 1")
    assert entry_of(result, "test_x.py", "test_x")["assertions"] == 0
    assert "no-assertion" in rules_of(result)


def test_helpers_defined_anywhere_in_the_directory_count(scan):
    result = scan({
        "conftest.py": """
            import pytest

            def created(response):
                assert response.status_code == 201, response.text

            def listed(response, pet):
                if pet not in response.json():
                    raise AssertionError(f"{pet} not listed")

            def gone(response):
                if response.status_code != 404:
                    pytest.fail("still there")

            def fetch(api, pet):
                return api.get(f"/pets/{pet}")

            def wraps_nested():
                def inner():
                    assert True
                return inner
            """,
        "support/checks.py": "def has_name(body, name):\n    assert body['name'] == name, 'wrong name'\n",
        "test_a.py": """
            def test_uses_helpers(api):
                '''Doc.'''
                created(api.post("/pets"))
                listed(api.get("/pets"), "rex")
                gone(fetch(api, "rex"))
                checks.has_name(api.get("/pets/1").json(), "rex")

            def test_uses_non_helpers(api):
                '''Doc.'''
                fetch(api, "rex")
                wraps_nested()
            """,
    })
    assert entry_of(result, "test_a.py", "test_uses_helpers")["assertions"] == 4
    assert entry_of(result, "test_a.py", "test_uses_non_helpers")["assertions"] == 0
    assert findings(result, "no-assertion", test="test_uses_non_helpers")
    assert not findings(result, "no-assertion", test="test_uses_helpers")


def test_helper_methods_of_a_test_class_count(scan):
    result = scan({"test_a.py": """
        class TestPets:
            def _is_pet(self, body):
                assert "name" in body, body

            def test_get(self, api):
                '''Doc.'''
                self._is_pet(api.get("/pets/1").json())
        """})
    assert entry_of(result, "test_a.py", "TestPets.test_get")["assertions"] == 1


# -- structure rules ----------------------------------------------------------------------


def test_no_assertion(scan):
    result = one_test(scan, "api.get('/pets')", signature="test_x(api)")
    assert "no-assertion" in rules_of(result)
    finding = findings(result, "no-assertion")[0]
    assert finding["category"] == "structure" and finding["test"] == "test_x" and finding["line"] == 1
    assert "no-assertion" not in rules_of(one_test(scan, "assert api.get('/pets').ok", signature="test_x(api)"))


def test_too_long_boundary(scan):
    at_limit = "x = 0\n" * 47 + "assert x"  # def + docstring + 48 = 50 lines
    assert entry_of(one_test(scan, at_limit), "test_x.py", "test_x")["length"] == 50
    assert "too-long" not in rules_of(one_test(scan, at_limit))
    over = "x = 0\n" * 48 + "assert x"
    result = one_test(scan, over)
    assert "too-long" in rules_of(result)
    assert "51 lines" in findings(result, "too-long")[0]["message"]
    assert "too-long" not in rules_of(one_test(scan, over, "--max-test-lines", "60"))


def test_missing_docstring(scan):
    assert "missing-docstring" in rules_of(one_test(scan, "assert f()", docstring=False))
    assert "missing-docstring" not in rules_of(one_test(scan, "assert f()"))
    result = one_test(scan, "'''Not first.'''", docstring=False, prelude="")
    assert "missing-docstring" not in rules_of(result)


# -- smells -------------------------------------------------------------------------------


@pytest.mark.parametrize("body", ["pass", "...", "", "pass\n..."])
def test_empty_test(scan, body):
    result = one_test(scan, body) if body else one_test(scan, "", docstring=True)
    assert "empty-test" in rules_of(result)
    assert findings(result, "empty-test")[0]["category"] == "smell"


def test_empty_test_docstring_only_and_not_empty(scan):
    assert "empty-test" in rules_of(scan({"test_x.py": "def test_x():\n    '''Later.'''\n"}))
    assert "empty-test" not in rules_of(one_test(scan, "assert f()"))
    assert "empty-test" not in rules_of(one_test(scan, "pass\nassert f()"))


def test_assertion_roulette(scan):
    result = one_test(scan, "assert f()\nassert g() == 2")
    assert "assertion-roulette" in rules_of(result)
    assert "2 bare asserts" in findings(result, "assertion-roulette")[0]["message"]
    assert "assertion-roulette" not in rules_of(one_test(scan, "assert f(), 'f'\nassert g(), 'g'"))
    assert "assertion-roulette" not in rules_of(one_test(scan, "assert f()\nexpect_status(r, (200,))\nexpect_json(r)"))
    assert "assertion-roulette" not in rules_of(one_test(scan, "assert f()\nassert g(), 'g'"))


def test_sleepy_test(scan):
    result = one_test(scan, "time.sleep(2)\nassert f()", prelude="import time")
    assert "sleepy-test" in rules_of(result)
    assert "time.sleep(2)" in findings(result, "sleepy-test")[0]["message"]
    assert "sleepy-test" in rules_of(one_test(scan, "sleep(0.5)\nassert f()", prelude="from time import sleep"))
    assert "sleepy-test" in rules_of(one_test(scan, "nap(1)\nassert f()", prelude="from time import sleep as nap"))
    assert "sleepy-test" in rules_of(scan({"test_x.py": "import asyncio\n\nasync def test_x():\n    '''Doc.'''\n    await asyncio.sleep(1)\n    assert f()\n"}))


def test_imports_inside_a_test_method_apply_to_what_follows(scan):
    result = scan({"test_x.py": """
        class TestX:
            def test_x(self):
                '''Doc.'''
                from time import sleep
                sleep(3)
                assert f()
        """})
    assert [f["line"] for f in findings(result, "sleepy-test")] == [5]


def test_sleep_outside_tests_or_on_other_objects_is_fine(scan):
    assert "sleepy-test" not in rules_of(one_test(scan, "clock.sleep(2)\nassert f()"))
    result = scan({"test_x.py": """
        import time

        def wait_ready():
            time.sleep(1)

        def test_x():
            '''Doc.'''
            def later():
                time.sleep(1)
            assert f()
        """})
    assert not findings(result, "sleepy-test")


@pytest.mark.parametrize(
    "body, kind",
    [
        ("if f():\n    assert g()", "if"),
        ("for x in xs:\n    assert x", "for"),
        ("while f():\n    pass\nassert g()", "while"),
        ("try:\n    f()\nexcept ValueError:\n    pass\nassert g()", "try"),
        ("match f():\n    case 1:\n        assert g()", "match"),
    ],
)
def test_conditional_test_logic(scan, body, kind):
    if kind == "match" and sys.version_info < (3, 10):
        pytest.skip("match needs Python 3.10")
    completed = subprocess.run([PYTHON, "-c", "import sys; print(sys.version_info >= (3, 10))"], capture_output=True, text=True)
    if kind == "match" and completed.stdout.strip() != "True":
        pytest.skip("match needs Python 3.10 for the analyzer")
    result = one_test(scan, body)
    assert "conditional-test-logic" in rules_of(result)
    assert findings(result, "conditional-test-logic")[0]["message"].startswith(kind + " statement")


def test_conditional_logic_exceptions(scan):
    guard = "if not os.environ.get('PETS'):\n    pytest.skip('no pets')\nassert f()"
    assert "conditional-test-logic" not in rules_of(one_test(scan, guard, prelude="import os\nimport pytest"))
    comprehension = "names = [p['name'] for p in pets if p]\nassert names == {k: v for k, v in pairs}"
    assert "conditional-test-logic" not in rules_of(one_test(scan, comprehension))
    ternary = "x = 1 if f() else 2\nassert x"
    assert "conditional-test-logic" not in rules_of(one_test(scan, ternary))
    elifs = one_test(scan, "if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\nassert x")
    assert len(findings(elifs, "conditional-test-logic")) == 1


def test_redundant_print(scan):
    result = one_test(scan, "print(r.json())\nassert f()")
    assert "redundant-print" in rules_of(result)
    assert "redundant-print" not in rules_of(one_test(scan, "logger.info('x')\nassert f()"))
    assert not findings(scan({"helpers.py": "def show(x):\n    print(x)\n"}), "redundant-print")


def test_magic_numbers(scan):
    result = one_test(scan, "assert len(items) == 42\nassert total == 3.5, 'total'\nassert count == -7")
    magic = findings(result, "magic-number")
    assert [f["line"] for f in magic] == [3, 4, 5]
    assert "42" in magic[0]["message"] and "3.5" in magic[1]["message"] and "-7" in magic[2]["message"]


def test_one_magic_number_finding_per_assert(scan):
    result = one_test(scan, "assert f(7) == 9 and g() == 11")
    assert len(findings(result, "magic-number")) == 1
    assert "7, 9, 11" in findings(result, "magic-number")[0]["message"]


@pytest.mark.parametrize(
    "body",
    [
        "assert len(items) in (0, 1, 2)\nassert x == -1, 'x'",
        "assert ratio == 0.0 or ratio == 1.0, 'ratio'",
        "assert percent <= 100, 'percent'",
        "assert r.status_code == 404, r.text",
        "assert response.status in (200, 201), 'created'",
        "assert 200 <= resp.status_code < 300, 'ok'",
        "assert r.status_code in range(200, 300), 'ok'",
        "assert body['status'] != 500, 'no crash'",
        "assert expect_count(r, 42)",
        "assert flag is True, 'flag'",
        "assert x == y, 'failed after 42 tries'",
    ],
)
def test_numbers_that_are_not_magic(scan, body):
    assert "magic-number" not in rules_of(one_test(scan, body))


@pytest.mark.parametrize(
    "body",
    [
        "assert r.elapsed_ms == 404, 'not a status'",
        "assert r.status_code == 700, 'out of range'",
        "assert r.status_code is not None and count == 404, 'count'",
        "assert compute(404) == r.status_code + 12, 'sum'",
    ],
)
def test_numbers_that_are_magic(scan, body):
    assert "magic-number" in rules_of(one_test(scan, body))


def test_magic_numbers_outside_asserts_or_in_helper_calls_are_fine(scan):
    body = "r = api.get('/pets', params={'limit': 37})\nexpect_status(r, (201,))\nexpect_within(r, 750)"
    assert "magic-number" not in rules_of(one_test(scan, body, signature="test_x(api)"))


def test_duplicate_tests_across_files(scan):
    result = scan({
        "test_a.py": """
            def test_first(api):
                '''One docstring.'''
                r = api.get("/pets")
                assert r.ok, r.text

            def test_different(api):
                '''Doc.'''
                r = api.get("/pets/1")
                assert r.ok, r.text
            """,
        "test_b.py": """
            class TestCopies:
                def test_copy(self, api):
                    '''Another docstring, same body.'''
                    r = api.get(  "/pets"  )   # formatting and comments differ
                    assert r.ok, r.text
            """,
    })
    duplicates = findings(result, "duplicate-test")
    assert len(duplicates) == 1
    assert duplicates[0]["test"] == "TestCopies.test_copy"
    assert "test_a.py::test_first" in duplicates[0]["message"]
    assert "duplicate-test" in entry_of(result, "test_b.py", "TestCopies.test_copy")["rules"]
    assert "duplicate-test" not in entry_of(result, "test_a.py", "test_first")["rules"]


def test_not_duplicates(scan):
    result = scan({"test_a.py": """
        import pytest

        def test_empty_one():
            pass

        def test_empty_two():
            pass

        def test_int(api):
            assert api.get("/n").json() == 1, "one"

        def test_bool(api):
            assert api.get("/n").json() == True, "one"

        @pytest.mark.parametrize("pet", ["rex"])
        def test_param_a(api, pet):
            assert api.get(pet).ok, pet

        @pytest.mark.parametrize("pet", ["milo"])
        def test_param_b(api, pet):
            assert api.get(pet).ok, pet

        def test_nested_a():
            def inner():
                return 1
            assert inner(), "x"

        def test_nested_b():
            def inner():
                return 2
            assert inner(), "x"

        def test_dict_a():
            assert {**a, "k": v}, "x"

        def test_dict_b():
            assert {"k": a, **v}, "x"
        """})
    assert findings(result, "duplicate-test") == []


def test_duplicate_with_loops_and_comprehensions(scan):
    body = "for x in xs:\n        assert [y for y in x if y], x\n"
    result = scan({"test_a.py": f"def test_a(xs):\n    {body}\n\ndef test_b(xs):\n    {body}\n\ndef test_c(xs):\n    {body.replace('if y', 'if not y')}\n"})
    assert [f["test"] for f in findings(result, "duplicate-test")] == ["test_b"]


# -- performance --------------------------------------------------------------------------


def test_request_in_loop(scan):
    assert "request-in-loop" in rules_of(one_test(scan, "for p in pets:\n    assert requests.get(p, timeout=5).ok, p", prelude="import requests"))
    fixture = one_test(scan, "i = 0\nwhile i < n:\n    api.post('/pets', json={})\n    i += 1\nassert i", signature="test_x(api, n)")
    assert "request-in-loop" in rules_of(fixture)
    comprehension = one_test(scan, "assert all([client.get(u).ok for u in urls]), 'all'", signature="test_x(client, urls)")
    assert "request-in-loop" in rules_of(comprehension)
    message = findings(fixture, "request-in-loop")[0]["message"]
    assert "api.post" in message


def test_requests_outside_loops_or_on_other_objects(scan):
    assert "request-in-loop" not in rules_of(one_test(scan, "r = api.get('/pets')\nfor p in r.json():\n    assert p, p", signature="test_x(api)"))
    assert "request-in-loop" not in rules_of(one_test(scan, "for k in keys:\n    assert payload.get(k), k", signature="test_x(keys)", prelude="payload = {}"))
    parametrized = scan({"test_x.py": """
        import pytest

        @pytest.mark.parametrize("row", [{"a": 1}])
        def test_x(row):
            '''Doc.'''
            for key in ("a",):
                assert row.get(key), key
        """})
    assert "request-in-loop" not in rules_of(parametrized)


def test_new_session_per_test(scan):
    result = one_test(scan, "s = requests.Session()\nassert s.get(u, timeout=3).ok", prelude="import requests")
    assert "new-session-per-test" in rules_of(result)
    assert findings(result, "new-session-per-test")[0]["category"] == "performance"
    assert "new-session-per-test" in rules_of(one_test(scan, "with httpx.Client() as c:\n    assert c.get(u).ok", prelude="import httpx"))
    assert "new-session-per-test" in rules_of(one_test(scan, "s = aiohttp.ClientSession()\nassert s", prelude="import aiohttp"))
    fixture = scan({"conftest.py": """
        import pytest
        import requests

        @pytest.fixture(scope="session")
        def session():
            with requests.Session() as s:
                yield s
        """})
    assert not findings(fixture, "new-session-per-test")


def test_request_without_timeout(scan):
    result = scan({"helpers.py": """
        import requests
        import requests as rq
        from requests import post

        session = requests.Session()

        def calls(url):
            requests.get(url)
            rq.delete(url)
            post(url, json={})
            requests.request("GET", url)
            session.put(url)
            requests.Session().patch(url)
            requests.get(url, timeout=5)
            session.get(url, timeout=(3, 10))
            requests.get(url, **options)
        """})
    lines = sorted(f["line"] for f in findings(result, "request-without-timeout"))
    assert lines == [8, 9, 10, 11, 12, 13]
    assert all(f["test"] is None and f["category"] == "performance" for f in findings(result, "request-without-timeout"))
    assert "requests.get without timeout=" in findings(result, "request-without-timeout")[0]["message"]


def test_session_attribute_of_a_client_class(scan):
    result = scan({"conftest.py": """
        import requests

        class Client:
            def __init__(self):
                self.session = requests.Session()

            def send(self, method, url):
                return self.session.request(method, url)

            def send_with_timeout(self, method, url):
                return self.session.request(method, url, timeout=self.timeout)
        """})
    assert [f["line"] for f in findings(result, "request-without-timeout")] == [8]


def test_user_clients_are_not_http_calls(scan):
    result = scan({
        "conftest.py": "class Api:\n    def request(self, method, path):\n        return None\n",
        "test_a.py": "def test_a(api):\n    '''Doc.'''\n    r = api.request('GET', '/pets')\n    cache.get('x')\n    assert r, 'r'\n",
    })
    assert not findings(result, "request-without-timeout")


def test_httpx_has_a_default_timeout(scan):
    result = scan({"helpers.py": "import httpx\n\nclient = httpx.Client()\n\ndef f(url):\n    httpx.get(url)\n    client.get(url)\n"})
    assert not findings(result, "request-without-timeout")


# -- security -----------------------------------------------------------------------------


def test_eval_exec(scan):
    result = scan({"helpers.py": """
        import builtins

        def run(code, model):
            eval(code)
            exec(code)
            builtins.eval(code)
            model.eval()
            ast.literal_eval(code)
            evaluate(code)
        """})
    assert [f["line"] for f in findings(result, "eval-exec")] == [4, 5, 6]
    assert findings(result, "eval-exec")[0]["category"] == "security"


def test_tls_verify_disabled(scan):
    result = scan({"helpers.py": """
        import ssl
        import requests
        from ssl import CERT_NONE

        def insecure(url):
            requests.get(url, verify=False, timeout=5)
            ctx = ssl._create_unverified_context()
            ctx2 = ssl.create_default_context()
            ctx2.check_hostname = False
            ctx2.verify_mode = ssl.CERT_NONE
            other = CERT_NONE
            ssl._create_default_https_context = ssl._create_unverified_context

        def secure(url, ctx):
            will_verify = ctx.verify_mode != ssl.CERT_NONE
            assertEqual(ctx.verify_mode, ssl.CERT_NONE)
            names = {ssl.CERT_NONE: "none"}
            requests.get(url, verify=True, timeout=5)
            requests.get(url, verify="/etc/ssl/ca.pem", timeout=5)
            ctx = ssl.create_default_context()
            ctx.check_hostname = True
            ctx.verify_mode = ssl.CERT_REQUIRED
        """})
    assert [f["line"] for f in findings(result, "tls-verify-disabled")] == [6, 7, 9, 10, 11, 12]
    assert "verify=False" in findings(result, "tls-verify-disabled")[0]["message"]


def test_shell_true(scan):
    result = scan({"helpers.py": """
        import os
        import subprocess

        def run(cmd):
            subprocess.run(cmd, shell=True)
            os.system(cmd)
            os.popen(cmd)
            subprocess.run(["ls"], shell=False)
            subprocess.run(["ls"])
        """})
    assert [f["line"] for f in findings(result, "shell-true")] == [5, 6, 7]


def test_unsafe_deserialization(scan):
    result = scan({"helpers.py": """
        import marshal
        import pickle
        import yaml

        def load(data, handle):
            pickle.loads(data)
            pickle.load(handle)
            marshal.loads(data)
            yaml.load(handle)
            yaml.load(handle, Loader=yaml.UnsafeLoader)
            yaml.load(handle, Loader=yaml.SafeLoader)
            yaml.load(handle, yaml.SafeLoader)
            yaml.safe_load(handle)
            json.loads(data)
        """})
    assert [f["line"] for f in findings(result, "unsafe-deserialization")] == [6, 7, 8, 9, 10]


# -- secrets ------------------------------------------------------------------------------


SECRET_CASES = {
    "password = 'hunter2hunter2'": "hunter2hunter2",
    "API_KEY: str = 'k3y9f8a7d6s5'": "k3y9f8a7d6s5",
    "self.client_secret = 's3cr3t-v4lue'": "s3cr3t-v4lue",
    "login(user='bob', passwd='pa55word!')": "pa55word!",
    "headers = {'Authorization': 'Basic Ym9iOnNlY3JldA=='}": "Basic Ym9iOnNlY3JldA==",
    "headers = {'X-Api-Key': '9f8e7d6c5b4a'}": "9f8e7d6c5b4a",
    "HEADERS['Authorization'] = 'Token 1a2b3c4d5e6f'": "Token 1a2b3c4d5e6f",
    "TOKEN = 'Bearer ' + '3f9a1c77e0b24d5c9a8e6f1d2c3b4a59'": "Bearer 3f9a1c77e0b24d5c9a8e6f1d2c3b4a59",
    "def login(password='correct-horse'):\n    pass": "correct-horse",
    "x = 'ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'": "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8",
    "x = 'github_pat_" + "11ABCDEFG0123456789_abcdefghij'": "github_pat_11ABCDEFG0123456789_abcdefghij",
    "x = 'sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc'": "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    "x = 'AKIA" + "IOSFODNN7EXAMPL3'": "AKIAIOSFODNN7EXAMPL3",
    "x = 'xoxb-" + "1234567890-abcdefghij'": "xoxb-1234567890-abcdefghij",
    "x = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "x = '-----BEGIN RSA PRIVATE KEY-----\\nMIIE'": "-----BEGIN RSA PRIVATE KEY-----",
    "h = {'Auth': 'Bearer abcdefghijklmnop1234'}": "Bearer abcdefghijklmnop1234",
    "call(header='Bearer 0123456789abcdefXYZ=')": "Bearer 0123456789abcdefXYZ=",
}


@pytest.mark.parametrize("source, secret", list(SECRET_CASES.items()))
def test_hard_coded_secret(scan, source, secret):
    result = scan({"helpers.py": source + "\n"})
    found = findings(result, "hard-coded-secret")
    assert len(found) == 1, found
    finding = found[0]
    assert finding["category"] == "smell" and finding["test"] is None and finding["line"] == 1
    assert secret[:4] in finding["message"] and str(len(secret)) in finding["message"]
    assert secret not in finding["message"]
    assert secret[4:12] not in finding["message"]


NOT_SECRETS = [
    "token = os.environ['API_TOKEN']",
    "password = os.getenv('PASSWORD', default)",
    "api_key = os.environ.get('API_KEY')",
    "password = 'short'",
    "token = '<your-token-here>'",
    "token = '${API_TOKEN}'",
    "token = '{token}'",
    "password = 'changeme123'",
    "secret = 'xxxxxxxxxxxx'",
    "secret = 'aaaaaaaaaaaa'",
    "token = 'dummy-token-value'",
    "api_key = 'your_api_key'",
    "api_key = 'example-key-123'",
    "token = 'placeholder-value'",
    "password = 'not-a-fake-password'",
    "token = 'assay-invalid-credential'",
    "TOKEN_URL = 'https://auth.example.org/oauth/token'",
    "scheme = {'token_url': 'https://idp.internal/token', 'token_url_env': 'ASSAY_AUTH_X_TOKEN_URL'}",
    "token_env = 'ASSAY_AUTH_PETSTORE_TOKEN'",
    "auth_type = 'client_credentials'",
    "author = 'Jane Austen Writer'",
    "oauth_scope = 'read:pets write:pets'",
    "headers['Authorization'] = f'Bearer {token}'",
    "x = 'Bearer tokens go in the header'",
    "x = 'ghp_" + "x' * 36",
    "description = 'the password must be at least 8 characters'",
    "refresh = {'refresh_token': self.refresh_token}",
    "model.eval()",
    "PYPIRC_NOPASSWORD = '[distutils]\\nindex-servers =\\n    server1\\n'",
    "SERVER_AUTH = '1.3.6.1.5.5.7.3.1'",
    "authinfo_response = '503 Mechanism not recognized'",
    "proxy_auth_hdr = 'Proxy-Authorization'",
    "TOKEN_HEADER_VALUE = 'X-Auth-Token'",
    # A request's payload is test data: a user's password sent to create that user.
    "api.request('POST', '/users', json={'username': 'jdoe', 'password': 'Xy7#kq2LmZ9p'})",
    "requests.post(url, data={'client_secret': 'r4nd0m-s3cr3t-value'}, timeout=5)",
    "api.request('GET', '/login', params={'token': 'k9Jd83hHq0s2'})",
    "api.request('POST', '/orders', json=[{'card': {'password': 'Xy7#kq2LmZ9p'}}])",
]


def test_a_credential_shape_in_a_payload_is_still_a_secret(scan):
    source = "api.request('POST', '/keys', json={'key': 'ghp_" + "a1B2c3D4e5" * 3 + "a1B2c3'})\n"
    assert len(findings(scan({"helpers.py": source}), "hard-coded-secret")) == 1


def test_a_credential_named_header_is_still_a_secret(scan):
    source = "requests.get(url, headers={'X-Api-Key': 'k9Jd83hHq0s2Lm'}, timeout=5)\n"
    assert len(findings(scan({"helpers.py": source}), "hard-coded-secret")) == 1


@pytest.mark.parametrize("source", NOT_SECRETS)
def test_not_a_hard_coded_secret(scan, source):
    assert findings(scan({"helpers.py": source + "\n"}), "hard-coded-secret") == []


def test_secret_inside_a_test_is_attributed_to_it(scan):
    result = scan({"test_a.py": """
        import pytest

        TOKEN = "Bearer 3f9a1c77e0b24d5c9a8e6f1d2c3b4a59"

        @pytest.mark.parametrize("key", ["k3y9f8a7d6s5"])
        def test_a(api, key):
            '''Doc.'''
            r = api.get("/pets", headers={"X-API-Key": "9f8e7d6c5b4a"})
            assert r.ok, r.text
        """})
    found = findings(result, "hard-coded-secret")
    assert [(f["line"], f["test"]) for f in found] == [(3, None), (8, "test_a")]
    assert "hard-coded-secret" in entry_of(result, "test_a.py", "test_a")["rules"]


def test_file_rules_inside_tests_join_the_tests_rules(scan):
    result = one_test(scan, "r = requests.get(u, verify=False)\neval('1')\nassert r.ok, 'ok'", prelude="import requests")
    rules = rules_of(result)
    assert {"tls-verify-disabled", "eval-exec", "request-without-timeout"} <= rules
    assert all(f["test"] == "test_x" for f in findings(result, "tls-verify-disabled"))


# -- the fixtures -------------------------------------------------------------------------


def test_assay_style_suite_has_no_findings():
    """clean_suite is written by the Swift test that runs this file: Assay's own emitter's
    package for the bundled example (positive, validation, error and performance cases)."""
    result = analyse(os.path.join(HERE, "clean_suite"))
    paths = [f["path"] for f in result["files"]]
    assert "assay_checks.py" in paths and "conftest.py" in paths
    assert any(path.startswith("test_") for path in paths)
    for entry in result["files"]:
        assert entry["findings"] == [], (entry["path"], entry["findings"][:3])
        assert entry["syntax_error"] is None
        for test in entry["tests"]:
            assert test["rules"] == [] and test["assertions"] >= 1 and test["has_docstring"], test
    assert sum(len(f["tests"]) for f in result["files"]) >= 20


def test_poor_suite_trips_every_rule_it_should():
    result = analyse(os.path.join(HERE, "poor_suite"))
    counts = Counter(f["rule"] for entry in result["files"] for f in entry["findings"])
    expected = {
        "missing-docstring", "no-assertion", "assertion-roulette", "sleepy-test", "conditional-test-logic",
        "redundant-print", "magic-number", "duplicate-test", "hard-coded-secret", "tls-verify-disabled",
        "too-long", "request-without-timeout", "syntax-error", "empty-test", "request-in-loop",
        "new-session-per-test",
    }
    assert expected <= set(counts), expected - set(counts)
    assert file_of(result, "test_users.py")["syntax_error"] is not None
    assert "3f9a1c77e0b24d5c9a8e6f1d2c3b4a59" not in json.dumps(result)


def test_every_finding_has_a_known_category_and_a_sentence():
    result = analyse(os.path.join(HERE, "poor_suite"))
    categories = {"syntax", "structure", "smell", "security", "performance"}
    for entry in result["files"]:
        for finding in entry["findings"]:
            assert finding["category"] in categories
            assert len(finding["message"]) > 20 and "\n" not in finding["message"]
        lines = [(f["line"], f["rule"]) for f in entry["findings"]]
        assert lines == sorted(lines)


def test_a_large_generated_suite_is_analysed_whole(tmp_path):
    """60 Assay-style modules, about 5 MB: every file and test is reported (speed is for bench/, not here)."""
    generator = os.path.join(HERE, "tools", "make_suite.py")
    subprocess.run([sys.executable, generator, str(tmp_path), "60", "165"], check=True)
    size = sum(os.path.getsize(os.path.join(tmp_path, name)) for name in os.listdir(tmp_path))
    assert size > 4_500_000
    result = analyse(tmp_path)
    assert len(result["files"]) == 62
