"""The report's sections: a registry that capabilities add to (see registry.py)."""
