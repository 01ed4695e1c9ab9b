"""The ``workforce-health`` command: Django's management commands with the project's settings."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["workforce-health", *argv])
    # Commands use hyphens on the command line (add-organisation) and underscores in Python.
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
    args[0] = "workforce-health"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
