"""Mimesis peer for bench/data.sh: N user profiles as NDJSON.

The same ten fields as `assay data user` (id, name, email, phone, street, city,
postalCode, country, birthDate, company), generated with Mimesis's English Person,
Address, Datetime, Finance and Cryptographic providers, each seeded, one compact JSON
object per line, written through a buffered file.

Usage: python mimesis_profile.py COUNT OUTPUT
"""

import json
import sys

from mimesis import Address, Cryptographic, Datetime, Finance, Person
from mimesis.locales import Locale


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: mimesis_profile.py COUNT OUTPUT")
    count = int(sys.argv[1])
    person = Person(Locale.EN, seed=1)
    address = Address(Locale.EN, seed=2)
    dates = Datetime(Locale.EN, seed=3)
    finance = Finance(Locale.EN, seed=4)
    crypto = Cryptographic(seed=5)
    # Bound methods and one reusable encoder: the fast, idiomatic way to drive Mimesis.
    uuid, full_name, email, phone = crypto.uuid, person.full_name, person.email, person.phone_number
    street, city, postal_code, country = address.address, address.city, address.postal_code, address.country
    date, company = dates.date, finance.company
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with open(sys.argv[2], "w", encoding="utf-8", buffering=1 << 20) as out:
        write = out.write
        for _ in range(count):
            write(encode({
                "id": uuid(),
                "name": full_name(),
                "email": email(),
                "phone": phone(),
                "street": street(),
                "city": city(),
                "postalCode": postal_code(),
                "country": country(),
                "birthDate": date(start=1940, end=2007).isoformat(),
                "company": company(),
            }))
            write("\n")


if __name__ == "__main__":
    main()
