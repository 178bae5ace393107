import Foundation
import OrderedCollections

/// The fixed Python files of an emitted suite: the HTTP client with credentials and the
/// checks with their failure messages. They change only with Assay, not with the API.
enum PytestSupportFiles {
    /// `_header_readings`: the readings of a header value the `simple` style allows, as
    /// ``HeaderValueReading/readings(_:)`` makes them (used by the checks and by
    /// reproductions of malformed-header findings; needs `re`).
    static let headerReadingsFunction = #"""
        _INTEGER = re.compile(r"-?[0-9]+\Z")
        _NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?\Z")


        def _scalar_reading(text):
            if text == "true":
                return True
            if text == "false":
                return False
            if _INTEGER.match(text):
                return int(text)
            if _NUMBER.match(text):
                return float(text)
            return text


        def _header_readings(text):
            """The readings of a header value OpenAPI's simple style allows: the text, a number
            or boolean it spells, a comma-separated list, an object of pairs."""
            parts = text.split(",")
            readings = [text]
            scalar = _scalar_reading(text)
            if not isinstance(scalar, str):
                readings.append(scalar)
            readings.append([_scalar_reading(part) for part in parts])
            readings.append(list(parts))
            if all("=" in part for part in parts):
                readings.append({name: _scalar_reading(value) for name, value in (part.split("=", 1) for part in parts)})
            elif len(parts) % 2 == 0:
                readings.append({parts[index]: _scalar_reading(parts[index + 1]) for index in range(0, len(parts), 2)})
            return readings
        """#

    /// `assay_checks.py`: assertions whose messages say what was sent and what came back.
    static let checks = #"""
        """Checks used by the generated tests: each failure says what was sent and what came back."""

        import json
        import os
        import re
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


        _responses = None


        def _documented_response(operation, status):
            """What assay_responses.json documents for `operation` answering `status`: the exact
            code, else its class (4XX), else default."""
            global _responses
            if _responses is None:
                path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "assay_responses.json")
                with open(path, encoding="utf-8") as handle:
                    _responses = json.load(handle)
            documented = _responses.get(operation, [])
            for found in (
                [entry for entry in documented if entry["status"] == str(status)],
                [entry for entry in documented if entry["status"].upper() == f"{status // 100}XX"],
                [entry for entry in documented if entry["status"] == "default"],
            ):
                if found:
                    return found[0]
            return None


        def _documents(media_type, received):
            bare = media_type.split(";")[0].strip().lower()
            if bare in (received, "*/*", "*"):
                return True
            return bare.endswith("/*") and received.startswith(bare[:-1])


        def expect_documented_response(response, operation):
            """Whatever the status, the body's media type is one the description documents for
            it, and each documented header that came back matches its schema."""
            documented = _documented_response(operation, response.status_code)
            if documented is None:
                return
            if response.status_code != 204 and response.content and documented["mediaTypes"]:
                received = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
                assert any(_documents(media, received) for media in documented["mediaTypes"]), (
                    f"Content-Type {received or 'none'} is not documented for {documented['status']} "
                    f"(the description documents {', '.join(documented['mediaTypes'])}): {_describe(response)}"
                )
            for name, pointer in documented.get("headers", {}).items():
                if name not in response.headers:
                    continue
                text = response.headers[name]
                validator = _schema_validator(pointer)
                assert any(validator.is_valid(reading) for reading in _header_readings(text)), (
                    f"the {name} header {text[:200]!r} does not match its schema {pointer}: {_describe(response)}"
                )


        \#(headerReadingsFunction)


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

        """#

    /// `conftest.py` up to the security schemes table, which the emitter fills in.
    static let conftestHead = #"""
        """Fixtures of the generated tests: the base URL and an HTTP client with credentials.

        Configuration comes from the environment, never from these files:
          ASSAY_BASE_URL      the API's base URL (default: the description's first server)
          ASSAY_TIMEOUT       seconds per request (default 30)
          ASSAY_LATENCY_FACTOR  multiplies every latency budget (default 1)
        and, per security scheme of the API, the variables listed in SECURITY_SCHEMES below.
        A scheme whose variables are unset is not used.
        """

        import os
        import threading
        import time
        from urllib.parse import quote, urljoin, urlsplit

        import pytest
        import requests

        """#

    /// `conftest.py` after the security schemes table.
    static let conftestTail = #"""


        class OAuth2ClientCredentials(requests.auth.AuthBase):
            """A bearer token from the client-credentials grant, fetched when first needed and
            fetched again (with the refresh token when the server gave one) before it expires."""

            def __init__(self, token_url, client_id, client_secret, scopes, timeout):
                self.token_url = token_url
                self.client_id = client_id
                self.client_secret = client_secret
                self.scopes = scopes
                self.timeout = timeout
                self.token = None
                self.refresh_token = None
                self.expires_at = 0.0
                self.lock = threading.Lock()

            def _fetch(self):
                if self.refresh_token:
                    form = {"grant_type": "refresh_token", "refresh_token": self.refresh_token}
                else:
                    form = {"grant_type": "client_credentials"}
                    if self.scopes:
                        form["scope"] = " ".join(self.scopes)
                response = requests.post(
                    self.token_url, data=form, auth=(self.client_id, self.client_secret), timeout=self.timeout
                )
                if response.status_code >= 400 and self.refresh_token:
                    self.refresh_token = None
                    return self._fetch()
                assert response.status_code < 400, f"the token endpoint {self.token_url} answered {response.status_code}"
                payload = response.json()
                self.token = payload["access_token"]
                self.refresh_token = payload.get("refresh_token")
                self.expires_at = time.monotonic() + float(payload.get("expires_in", 3600)) - 30

            def __call__(self, request):
                with self.lock:
                    if self.token is None or time.monotonic() >= self.expires_at:
                        self._fetch()
                    request.headers["Authorization"] = f"Bearer {self.token}"
                return request


        INVALID_CREDENTIAL = "assay-invalid-credential"


        class ApiClient:
            """Sends the generated requests: fills the path template, adds credentials."""

            def __init__(self, base_url, timeout):
                self.base_url = base_url.rstrip("/")
                self.timeout = timeout
                self.session = requests.Session()
                self.session.headers["Accept"] = "application/json, */*;q=0.5"
                self.oauth = {}

            def _credentials(self, mode, headers, params, cookies):
                """Adds each configured scheme's credential (`configured`), a wrong one of the same
                form (`invalid`), or none (`none`). Returns the requests `auth` to use."""
                auth = None
                if mode == "none":
                    return None
                for name, scheme in SECURITY_SCHEMES.items():
                    values = [os.environ.get(variable) for variable in scheme["env"]]
                    if mode == "configured" and not all(values):
                        continue
                    if mode == "invalid":
                        values = [INVALID_CREDENTIAL for _ in values]
                    kind = scheme["type"]
                    if kind == "apiKey":
                        target = {"header": headers, "query": params, "cookie": cookies}[scheme["in"]]
                        target[scheme["name"]] = values[0]
                    elif kind == "bearer":
                        headers["Authorization"] = f"Bearer {values[0]}"
                    elif kind == "basic":
                        auth = (values[0], values[1])
                    elif kind == "oauth2":
                        if mode == "invalid":
                            headers["Authorization"] = f"Bearer {INVALID_CREDENTIAL}"
                        else:
                            if name not in self.oauth:
                                token_url = os.environ.get(scheme["token_url_env"]) or scheme["token_url"]
                                self.oauth[name] = OAuth2ClientCredentials(
                                    token_url, values[0], values[1], scheme["scopes"], self.timeout
                                )
                            auth = self.oauth[name]
                return auth

            def request(
                self,
                method,
                path,
                *,
                path_params=None,
                params=None,
                headers=None,
                cookies=None,
                json=None,
                data=None,
                files=None,
                content_type=None,
                credentials="configured",
                url=None,
            ):
                for name, value in (path_params or {}).items():
                    path = path.replace("{" + name + "}", quote(str(value), safe=""))
                target = self.base_url + path
                if url is not None:
                    # A Location followed: resolved against the API, and never sent elsewhere.
                    target = urljoin(self.base_url + "/", url)
                    assert _origin(target) == _origin(self.base_url), (
                        f"the Location {url} points away from the API at {self.base_url}"
                    )
                headers = dict(headers or {})
                params = dict(params or {})
                cookies = dict(cookies or {})
                if content_type is not None:
                    headers["Content-Type"] = content_type
                auth = self._credentials(credentials, headers, params, cookies)
                return self.session.request(
                    method,
                    target,
                    params=params,
                    headers=headers,
                    cookies=cookies,
                    json=json,
                    data=data,
                    files=files,
                    auth=auth,
                    timeout=self.timeout,
                    allow_redirects=False,
                )


        def _origin(url):
            parts = urlsplit(url)
            port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
            return (parts.scheme, (parts.hostname or "").lower(), port)


        @pytest.fixture(scope="session")
        def base_url():
            return os.environ.get("ASSAY_BASE_URL", DEFAULT_BASE_URL)


        @pytest.fixture(scope="session")
        def api(base_url):
            client = ApiClient(base_url, float(os.environ.get("ASSAY_TIMEOUT", "30")))
            yield client
            client.session.close()

        """#

    /// `requirements.txt`: what the suite needs to run.
    static let requirements = """
        pytest>=8
        requests>=2.31
        jsonschema>=4.18

        """

    /// `pytest.ini`: the markers of the case kinds, so `-m validation` selects them.
    static let pytestIni = """
        [pytest]
        markers =
            positive: a valid request gets a documented 2xx
            validation: a request breaking one rule gets a 4xx
            error: unknown ids, missing credentials, unsupported methods and media types
            flow: several operations chained
            performance: a latency budget
        
        """
}
