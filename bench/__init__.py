"""Benchmarks: `python -m bench.<name>` prints `name: value unit` lines."""
