"""Workforce Health: staff health checks, recruitment and retention for councils' social care."""

__version__ = "0.1.0"
