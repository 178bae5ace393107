"""Pulls the fixed Python files out of Assay's PytestSupportFiles.swift (Swift raw strings)."""
import json, re, sys

src = open("/work/main/Sources/AssayGen/Emit/PytestSupportFiles.swift", encoding="utf-8").read()
out = {}
for m in re.finditer(r'static let (\w+) = #"""\n(.*?)\n( *)"""#', src, re.S):
    name, body, indent = m.group(1), m.group(2), m.group(3)
    lines = [l[len(indent):] if l.startswith(indent) else l.lstrip(" ") for l in body.split("\n")]
    out[name] = "\n".join(lines)
json.dump(out, open(sys.argv[1], "w"))
print({k: len(v) for k, v in out.items()})
