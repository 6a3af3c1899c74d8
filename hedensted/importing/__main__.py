"""Command line for imports: the same checks, versions and rollback as »Opdater data«.

    python -m hedensted.importing template fuldtidspersoner_pct_arbejdsstyrke -o skabelon.xlsx
    python -m hedensted.importing import fuldtidspersoner_pct_arbejdsstyrke fil.csv --user anne
    python -m hedensted.importing import … --user anne --yes      # save after the preview
    python -m hedensted.importing fetch beskaeftigelsesministeriets_benchmark \\
        --period 2022QMAT04 --user anne [--yes]     # from the dataset's source (its metadata)
    python -m hedensted.importing refresh --all --user anne [--dry-run]   # newest of every one
    python -m hedensted.importing versions [dataset]
    python -m hedensted.importing rollback fuldtidspersoner_pct_arbejdsstyrke --user anne
    python -m hedensted.importing rollback … --to 1 --user anne   # any version (1 = shipped)

``--user`` must be a local editor account in ``.streamlit/secrets.toml``
(``[register.editors.<name>]``) – the same accounts as in the app – and the
password is asked for (hidden), or read from ``HEDENSTED_EDITOR_PASSWORD`` for
scripts. Wrong passwords count towards the same lockout as in the app (address
``kommandolinje``). The database is the app's (``DATABASE_URL`` or
``instance/register.sqlite``). Without ``--yes`` nothing is saved; values that
jump more than 10 times against the period before are saved only with
``--accept-outliers``. The sources: ``JOBINDSATS_URL`` (base URL including
``/v3``), ``JOBINDSATS_TOKEN``, ``STATBANK_URL``. Exit code 0 when saved or previewed,
1 when refused (a Danish message on stderr), never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from hedensted.core.catalog import DatasetError
from hedensted.importing.specs import importable_ids

SECRETS_FILE = Path(__file__).resolve().parent.parent.parent / ".streamlit" / "secrets.toml"


def _secrets(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


PASSWORD_ENV = "HEDENSTED_EDITOR_PASSWORD"
CLI_ADDRESS = "kommandolinje"


def _password(username: str) -> str:
    """The editor's password: ``HEDENSTED_EDITOR_PASSWORD`` or asked for (hidden)."""
    given = os.environ.get(PASSWORD_ENV)
    if given:
        return given
    if not sys.stdin.isatty():  # cron, a script: nobody to ask
        raise ValueError(
            f"Ingen adgangskode for {username}: sæt {PASSWORD_ENV} (kommandolinjen kører uden "
            "terminal, fx fra cron, og kan ikke spørge)."
        )
    import getpass

    return getpass.getpass(f"Adgangskode for {username}: ")


def editor(username: str, secrets: dict, register=None, password: str | None = None):
    """The editor ``username`` after checking the password, or ``ValueError`` (Danish).

    With a ``register`` the attempt counts towards the database lockout.
    """
    from hedensted.monthly.auth import User, authenticate, local_accounts
    from hedensted.monthly.throttle import LoginThrottle, lock_message

    accounts = local_accounts(secrets.get("register", {}))
    wanted = username.strip().lower()
    if wanted not in accounts:
        raise ValueError(
            f"»{username}« er ikke redaktør med en lokal konto. Kommandolinjen kræver en lokal "
            "redaktørkonto i .streamlit/secrets.toml ([register.editors.<navn>])."
        )
    throttle = LoginThrottle(register) if register is not None else None
    if throttle is not None:
        locked = throttle.locked_until(wanted, CLI_ADDRESS)
        if locked is not None:
            from datetime import UTC, datetime

            raise ValueError(lock_message(locked, datetime.now(UTC)))
    found = authenticate(accounts, wanted, password if password is not None else _password(wanted))
    if found is None:
        if throttle is not None:
            throttle.failed(wanted, CLI_ADDRESS)
        raise ValueError("Forkert brugernavn eller adgangskode.")
    if throttle is not None:
        throttle.succeeded(wanted, CLI_ADDRESS)
    return User(found.username, found.name, is_editor=True, method="kommandolinje")


class _DanishParser(argparse.ArgumentParser):
    """Wrong arguments are refused in Danish (argparse's own wording stays after the colon)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"Afvist – forkert kommando: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _DanishParser(
        prog="python -m hedensted.importing", description="Indlæs nye perioder i datakataloget."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_DanishParser)
    datasets = importable_ids()
    template = sub.add_parser("template", help="skriv skabelonen for et datasæt")
    template.add_argument("dataset", choices=datasets)
    template.add_argument("-o", "--output", type=Path, required=True, help="fil (.csv eller .xlsx)")
    for name, text in (
        ("import", "indlæs en fil"),
        (
            "fetch",
            "hent en periode fra datasættets kilde (Jobindsats' API v3 eller Statistikbanken)",
        ),
    ):
        command = sub.add_parser(name, help=text)
        command.add_argument("dataset", choices=datasets)
        if name == "import":
            command.add_argument("file", type=Path)
        else:
            command.add_argument(
                "--period",
                required=True,
                help="som kilden skriver den, fx 2022QMAT04 eller 2024M01",
            )
        command.add_argument("--user", required=True, help="redaktørens brugernavn")
        command.add_argument(
            "--replace", action="store_true", help="erstat en eksisterende periode"
        )
        command.add_argument("--yes", action="store_true", help="gem efter kontrollen")
        command.add_argument(
            "--accept-outliers",
            action="store_true",
            help="bekræft de viste tal, der ændrer sig mere end 10 gange mod perioden før",
        )
    refresh = sub.add_parser("refresh", help="hent den nyeste periode af alle API-datasæt")
    refresh.add_argument("--all", action="store_true", required=True, help="alle datasæt")
    refresh.add_argument("--user", required=True, help="redaktørens brugernavn")
    refresh.add_argument("--dry-run", action="store_true", help="kun forhåndsvisning")
    refresh.add_argument(
        "--accept-outliers",
        action="store_true",
        help="bekræft tal, der ændrer sig mere end 10 gange mod perioden før",
    )
    versions = sub.add_parser("versions", help="vis versionerne")
    versions.add_argument("dataset", nargs="?", choices=datasets)
    rollback = sub.add_parser(
        "rollback", help="rul den nyeste version tilbage, eller tag en bestemt version i brug"
    )
    rollback.add_argument("dataset", choices=datasets)
    rollback.add_argument("--user", required=True, help="redaktørens brugernavn")
    rollback.add_argument(
        "--to",
        type=_version_number,
        metavar="VERSION",
        help="tag denne version i brug (1 = de leverede tal); uden --to: versionen før den nyeste",
    )
    return parser


def _version_number(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f"»{text}« er ikke et versionsnummer (et helt tal fra 1, fx --to 2; se »versions«)."
        )
    return int(text)


def _register():
    from hedensted.monthly.db import open_register
    from hedensted.monthly.settings import resolve_database

    settings = resolve_database()
    return open_register(settings.url, demo=settings.demo)


def _import(args, register, data: bytes | None, name: str, out) -> int:
    from hedensted.importing.display import summary
    from hedensted.importing.service import confirm, effective_catalog, preview, preview_fetched

    user = editor(args.user, _secrets(SECRETS_FILE), register)
    full = effective_catalog(None, register)
    if data is None:  # fetch from the dataset's source
        from hedensted.importing.refresh import Sources, fetch_period

        sources = Sources.from_settings(_secrets(SECRETS_FILE), os.environ)
        fetched = fetch_period(full.get(args.dataset), args.period, sources)
        name = fetched.file_name
        checked = preview_fetched(register, full, args.dataset, fetched, replace=args.replace)
    else:
        checked = preview(register, full, args.dataset, name, data, replace=args.replace)
    print(f"{name}: {checked.plan.source_format}, SHA-256 {checked.plan.sha256}", file=out)
    for line in summary(checked.plan):
        print("  " + line.replace("**", ""), file=out)
    outliers = checked.plan.outliers
    if outliers:
        print(
            f"Bekræft {len(outliers)} tal, der ændrer sig mere end 10 gange mod perioden før "
            "(--accept-outliers):",
            file=out,
        )
        for outlier in outliers:
            print("  " + outlier.text, file=out)
    if not args.yes:
        print("Intet er gemt. Kør igen med --yes for at gemme.", file=out)
        return 0
    accepted = {o.key for o in outliers} if args.accept_outliers else set()
    version = confirm(register, checked, user, accepted)
    print(f"Gemt som version {version.version} af {args.dataset}.", file=out)
    return 0


def run(argv: Sequence[str] | None = None, out=sys.stdout) -> int:
    """Run the command line; returns the exit code (0 ok, 1 refused)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or a wrong argument (argparse printed why)
        return 0 if not stop.code else 1
    try:
        if args.command == "template":
            from hedensted.core.catalog import load_catalog
            from hedensted.importing.template import template_csv, template_xlsx

            dataset = load_catalog().get(args.dataset)
            build = template_xlsx if args.output.suffix.lower() == ".xlsx" else template_csv
            args.output.write_bytes(build(dataset))
            print(f"Skabelonen er skrevet til {args.output}.", file=out)
            return 0
        register = _register()
        if args.command == "import":
            return _import(args, register, args.file.read_bytes(), args.file.name, out)
        if args.command == "fetch":
            return _import(args, register, None, "", out)
        from hedensted.importing.service import effective_catalog, rollback

        if args.command == "refresh":
            from hedensted.importing.refresh import Sources, refresh_all

            user = editor(args.user, _secrets(SECRETS_FILE), register)
            sources = Sources.from_settings(_secrets(SECRETS_FILE), os.environ)
            full = effective_catalog(None, register)
            results = refresh_all(
                register, full, sources, user, args.dry_run, out, args.accept_outliers
            )
            failed = [r for r in results if r.failed]
            for result in failed:
                print(f"Afvist – {result.dataset_id}: {result.message}", file=sys.stderr)
            if args.dry_run:
                print("Intet er gemt (--dry-run).", file=out)
            return 1 if failed else 0
        from hedensted.importing.store import all_versions

        if args.command == "versions":
            from hedensted.importing.display import versions_table

            full = effective_catalog(None, register)
            for dataset_id in [args.dataset] if args.dataset else importable_ids():
                table = versions_table(all_versions(register, dataset_id), full.get(dataset_id))
                print(f"{dataset_id}:", file=out)
                print(table.to_string(index=False), file=out)
            return 0
        user = editor(args.user, _secrets(SECRETS_FILE), register)
        if args.to is not None:
            from hedensted.importing.service import rollback_to_version

            before, now = rollback_to_version(register, args.dataset, args.to, user)
            print(
                f"Version {now} af {args.dataset} er nu i brug (før: version {before}).", file=out
            )
            return 0
        undone = rollback(register, args.dataset, user)
        print(f"Version {undone.version} af {args.dataset} er rullet tilbage.", file=out)
        return 0
    except (DatasetError, ValueError, RuntimeError, PermissionError, OSError) as error:
        print(f"Afvist – intet er gemt: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # never a traceback for a script or cron
        print(
            f"Afvist – intet er gemt: uventet fejl ({type(error).__name__}: {error}).",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(run())
