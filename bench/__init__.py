"""Benchmarks: each prints its figures beside a same-run baseline. Not part of the test suite."""
