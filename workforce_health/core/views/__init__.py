"""Thin views: check the capability, read through selectors, write through services."""
