#!/usr/bin/env python
"""Django's manage.py, kept for developers used to it; users run ``workforce-health``."""

from workforce_health.cli import main

if __name__ == "__main__":
    main()
