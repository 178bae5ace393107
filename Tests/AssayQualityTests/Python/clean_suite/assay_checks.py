"""Checks used by the generated tests: each failure says what was sent and what came back."""

import json
import os
from urllib.parse import quote

SCHEMAS_URI = "urn:assay:schemas"
_registry = None
_validator_class = None
_validators = {}


def _describe(response):
    request = response.request
    body = response.text
    if len(body) > 600:
        body = body[:600] + "..."
    return f"{request.method} {request.url} -> {response.status_code}: {body}"


def expect_status(response, codes=(), classes=()):
    """The status is one of `codes`, or in one of the `classes` (2 for any 2xx)."""
    status = response.status_code
    if status in codes or status // 100 in classes:
        return
    wanted = [str(code) for code in codes] + [f"a {cls}xx" for cls in classes]
    assert False, f"expected {' or '.join(wanted)}, got {status}: {_describe(response)}"


def expect_json(response, media_type):
    """The body has the media type (parameters such as charset aside) and parses as JSON."""
    if response.status_code == 204 or not response.content:
        return None
    received = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    assert received == media_type, f"expected Content-Type {media_type}, got {received or 'none'}: {_describe(response)}"
    try:
        return response.json()
    except json.JSONDecodeError as error:
        assert False, f"the body is not JSON ({error}): {_describe(response)}"


def _schema_validator(pointer):
    """A validator for the schema at `pointer` of assay_schemas.json (JSON Schema 2020-12),
    whose references resolve inside that document."""
    global _registry, _validator_class
    if _validator_class is None:
        _validator_class = _exact_validator_class()
    if _registry is None:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012

        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "assay_schemas.json")
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        _registry = Registry().with_resource(SCHEMAS_URI, resource)
    if pointer not in _validators:
        reference = {"$ref": SCHEMAS_URI + "#" + quote(pointer, safe="/~")}
        _validators[pointer] = _validator_class(reference, registry=_registry)
    return _validators[pointer]


def _exact_validator_class():
    """Draft 2020-12 with an exact `multipleOf`: jsonschema divides floats, so 530.17
    would not be a multiple of 0.01. Decimal numbers are compared as fractions."""
    from fractions import Fraction

    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import ValidationError

    def multiple_of(validator, divisor, instance, schema):
        if not validator.is_type(instance, "number"):
            return
        if Fraction(repr(instance)) % Fraction(repr(divisor)) != 0:
            yield ValidationError(f"{instance!r} is not a multiple of {divisor!r}")

    return validators.extend(Draft202012Validator, {"multipleOf": multiple_of})


def expect_schema(response, pointer):
    """The JSON body matches the response schema at `pointer` in assay_schemas.json."""
    if response.status_code == 204 or not response.content:
        return
    from jsonschema.exceptions import best_match

    error = best_match(_schema_validator(pointer).iter_errors(response.json()))
    if error is None:
        return
    where = "/" + "/".join(str(part) for part in error.absolute_path)
    assert False, (
        f"the body does not match the response schema at {where}: {error.message} "
        f"(keyword {error.validator}, schema {pointer}): {_describe(response)}"
    )


def expect_documented(response, codes=(), classes=()):
    """The status, accepted as expected, is also one the description documents."""
    status = response.status_code
    assert status in codes or status // 100 in classes, (
        f"{status} is not documented for this answer (the description documents "
        f"{', '.join(map(str, codes))}): {_describe(response)}"
    )


def expect_headers(response, names):
    """Every header of `names` is present."""
    missing = [name for name in names if name not in response.headers]
    assert not missing, f"missing response headers {', '.join(missing)}: {_describe(response)}"


def expect_within(response, milliseconds):
    """The response came within the latency budget (time to the response headers),
    scaled by ASSAY_LATENCY_FACTOR on a slow or shared runner."""
    budget = milliseconds * _latency_factor()
    elapsed = response.elapsed.total_seconds() * 1000
    assert elapsed <= budget, f"took {elapsed:.0f} ms, the budget is {budget:.0f} ms: {_describe(response)}"


def _latency_factor():
    try:
        factor = float(os.environ.get("ASSAY_LATENCY_FACTOR", "1"))
    except ValueError:
        return 1.0
    return factor if 0 < factor < float("inf") else 1.0


_ABSENT = object()


def _at(value, pointer):
    """The value at a JSON pointer inside `value`, or _ABSENT."""
    for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]:
        if isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        elif isinstance(value, dict) and token in value:
            value = value[token]
        else:
            return _ABSENT
    return value


def _same(a, b):
    """JSON equality: numbers by value, but a boolean is never a number."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def capture_body(response, pointer):
    """The value at a JSON pointer (`/id`, `/items/0/id`) of the response body."""
    value = _at(response.json(), pointer)
    assert value is not _ABSENT, f"no {pointer} in the body: {_describe(response)}"
    return value


def expect_body_value(response, pointer, expected):
    """The body holds `expected` at a JSON pointer: a value sent earlier, read back."""
    actual = capture_body(response, pointer)
    assert _same(actual, expected), f"expected {pointer} to be {expected!r} as sent, got {actual!r}: {_describe(response)}"


def expect_body_differs(response, pointer, previous):
    """The body no longer holds `previous` at a JSON pointer (the member is absent or
    holds another value): a replacement that left the member out replaced it."""
    assert not _same(_at(response.json(), pointer), previous), (
        f"{pointer} still holds {previous!r}, which the replacement left out: {_describe(response)}"
    )


def expect_not_listed(response, pointer, member, value):
    """No item of the array at `pointer` holds `value` at `member`: what was deleted is
    no longer listed. No array there (an optional member left out) lists nothing."""
    items = _at(response.json(), pointer)
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        assert not _same(_at(item, member), value), (
            f"{pointer}/{index} still lists {value!r} after the delete: {_describe(response)}"
        )


def capture_header(response, name):
    """The value of a response header."""
    assert name in response.headers, f"no {name} header: {_describe(response)}"
    return response.headers[name]
