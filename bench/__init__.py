"""Benchmarks: `make bench` prints every table the README's Benchmarks section and the
issues ask for."""
