"""The workbench: one service per job description — job extraction, Match, Customize, Interview.

Pages use quotes.py (prices before confirming), services.py (commands that charge and enqueue: create a
service, start or re-run a step), views.py (what they show: service views, the list, job streams) and
editor.py (versions, export); fallback.py re-runs a failed step offline. Job handlers live in jobs.py, with
what a step reads in context.py and the offline engine's side in offline.py; keyword coverage in coverage.py.
"""
