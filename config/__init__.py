"""Django project configuration: settings packages, URLs and WSGI entry point."""
