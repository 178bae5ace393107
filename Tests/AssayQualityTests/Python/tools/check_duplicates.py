"""Cross-checks the analyzer's duplicate-test findings against a plain ast.dump reference."""
import ast, json, subprocess, sys

root = sys.argv[1]
result = json.loads(subprocess.run([sys.executable, "analyzer.py", root], capture_output=True, text=True, check=True).stdout)
seen, expected = {}, set()
for entry in result["files"]:
    if entry["syntax_error"] or not entry["tests"]:
        continue
    tree = ast.parse(open(f"{root}/{entry['path']}", "rb").read())
    nodes = {}
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nodes.setdefault(statement.name, []).append(statement)
        elif isinstance(statement, ast.ClassDef):
            for child in statement.body:
                if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    nodes.setdefault(statement.name + "." + child.name, []).append(child)
    for test in entry["tests"]:
        node = nodes[test["qualname"]].pop(0)
        body = node.body
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            body = body[1:]
        if all(isinstance(s, ast.Pass) or (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and s.value.value is Ellipsis) for s in body):
            continue
        a = node.args
        params = tuple(sorted({x.arg for x in a.posonlyargs + a.args + a.kwonlyargs if x.arg not in ("self", "cls")}))
        para = tuple(ast.dump(d) for d in node.decorator_list if isinstance(d, ast.Call) and getattr(d.func, "attr", getattr(d.func, "id", "")) == "parametrize")
        try:
            key = (params, para, ast.dump(ast.Module(body=body, type_ignores=[])))
        except RecursionError:
            continue
        if key in seen:
            expected.add((entry["path"], test["qualname"], seen[key]))
        else:
            seen[key] = entry["path"] + "::" + test["qualname"]
actual = set()
for entry in result["files"]:
    for f in entry["findings"]:
        if f["rule"] == "duplicate-test":
            first = f["message"].split(" repeats the body of ")[1].split(": the copy")[0]
            actual.add((entry["path"], f["test"], first))
print(root, "expected", len(expected), "actual", len(actual), "identical" if expected == actual else "DIFFERENT")
for item in sorted(expected ^ actual)[:10]:
    print("  ", "missing" if item in expected else "extra", item)
