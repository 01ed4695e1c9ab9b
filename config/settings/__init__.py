"""Settings: ``base`` (development default), ``test`` and ``production``."""
