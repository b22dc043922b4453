"""The job-hunting knowledge base (knowledge/base, Markdown in en and zh) and the script that indexes it."""
