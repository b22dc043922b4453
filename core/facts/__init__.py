"""Facts from the user's own documents: a document model computed by code, and the checks built on it.

`read` builds the model from extracted text; `vocabulary` names skills, degrees, certifications and spoken
languages in both languages; `grounding` and `coverage` compare model output and job keywords against it.
`python -m core.facts check|coverage` runs the two checks on files, printing JSON.
"""
