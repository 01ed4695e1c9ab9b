"""Why the demo cannot be loaded: one exception, raised by the loader and the demo reports."""


class DemoError(Exception):
    """The demo cannot be loaded (already loaded, its usernames are taken, or its records or
    reports are inconsistent)."""
