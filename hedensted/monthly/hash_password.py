"""Print the scrypt hash of a new editor password, ready for .streamlit/secrets.toml.

    python -m hedensted.monthly.hash_password            # asks twice, hidden
    python -m hedensted.monthly.hash_password --username anne --name "Anne Jensen"
    echo "et langt kodeord" | python -m hedensted.monthly.hash_password --stdin

Prints the hash; with ``--username`` it prints the whole secrets.toml section.
The password itself is never printed or stored.
"""

from __future__ import annotations

import argparse
import getpass
import re
import sys

from hedensted.monthly.auth import hash_password

_USERNAME = re.compile(r"^[a-z0-9_.-]+$")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hedensted.monthly.hash_password",
        description="Lav en scrypt-hash af en ny redaktørs adgangskode.",
    )
    parser.add_argument("--username", help="brugernavn (små bogstaver, tal, _ . -)")
    parser.add_argument("--name", help="navnet, der vises i historikken")
    parser.add_argument("--stdin", action="store_true", help="læs adgangskoden fra stdin")
    args = parser.parse_args(argv)
    if args.username is not None and not _USERNAME.match(args.username):
        print("Brugernavnet må kun have små bogstaver, tal, _ . og -.", file=sys.stderr)
        return 2
    if args.stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Ny adgangskode: ")
        if getpass.getpass("Gentag adgangskoden: ") != password:
            print("De to adgangskoder er ikke ens.", file=sys.stderr)
            return 1
    try:
        encoded = hash_password(password)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    if args.username is None:
        print(encoded)
    else:
        name = (args.name or args.username).replace('"', "'")
        print(f'[register.editors.{args.username}]\nname = "{name}"\npassword_hash = "{encoded}"')
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
