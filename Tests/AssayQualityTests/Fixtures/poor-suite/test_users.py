import requests

from conftest import BASE_URL, HEADERS


def test_create_user():
    user = {
        "username": "jdoe",
        "email": "jdoe@example.com",
    r = requests.post(BASE_URL + "/users", json=user, headers=HEADERS, timeout=10)
    assert r.status_code == 201
