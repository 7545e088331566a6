"""Tidewise: a private, encrypted journal that sees the tide of reaching and pulling away."""

__version__ = "0.1.0"
