"""Importers and exporters, one module per format, one registry."""
