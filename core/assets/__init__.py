"""Assets: the general resume and the detailed career history (upload, extraction, summary)."""
