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
DEFAULT_BASE_URL = "http://127.0.0.1:8080"

# Each scheme of the API: how its credential is sent and the variables it is read from.
SECURITY_SCHEMES = {
    "petstore_auth": {"type": "oauth2", "token_url": "https://petstore.example.org/oauth/token", "token_url_env": "ASSAY_AUTH_PETSTORE_AUTH_TOKEN_URL", "scopes": ["read:pets", "write:pets"], "env": ["ASSAY_AUTH_PETSTORE_AUTH_CLIENT_ID", "ASSAY_AUTH_PETSTORE_AUTH_CLIENT_SECRET"]},
    "api_key": {"type": "apiKey", "in": "header", "name": "X-API-Key", "env": ["ASSAY_AUTH_API_KEY"]},
    "bearerAuth": {"type": "bearer", "env": ["ASSAY_AUTH_BEARER_AUTH_TOKEN"]},
    "basicAuth": {"type": "basic", "env": ["ASSAY_AUTH_BASIC_AUTH_USERNAME", "ASSAY_AUTH_BASIC_AUTH_PASSWORD"]},
}


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
