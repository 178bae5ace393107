import os

import pytest
import requests

BASE_URL = os.environ.get("ASSAY_BASE_URL", "http://127.0.0.1:8080")

# The staging token, kept here until CI has a secrets store (a deliberate flaw of this fixture).
HEADERS = {
    "Content-Type": "application/json",
    "Authorization": "Bearer 3f9a1c77e0b24d5c9a8e6f1d2c3b4a59",
}


@pytest.fixture
def base_url():
    return BASE_URL


def create_pet(name, tag="dog"):
    # staging uses a self-signed cert
    r = requests.post(BASE_URL + "/pets", json={"name": name, "tag": tag}, headers=HEADERS, verify=False)
    assert r.status_code == 201
    return r.json()


def delete_pet(pet_id):
    requests.delete(BASE_URL + "/pets/" + str(pet_id), headers=HEADERS, verify=False)
