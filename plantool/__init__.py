"""plantool: write, check and publish an English council's productivity plan."""

__version__ = "0.1.0"
