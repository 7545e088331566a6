"""Benchmarks: `make bench` prints every table DESIGN.md section 4 and the issues ask for."""
