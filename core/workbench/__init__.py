"""The workbench: one service per job description — job extraction, Match, Customize, Interview.

Use cases live in services.py (create, continue, read) and editor.py (versions, export); job handlers in
jobs.py; deterministic checks (keyword coverage, grounding) in coverage.py and grounding.py.
"""
