"""The offline engine: every task kind computed from the document model, the vocabulary and the knowledge base.

Pure functions, deterministic, no network and no LLM; they return the same reply models as the LLM path, so
storage and pages have one path. Nothing in their output is invented: facts come from the documents, advice
from the knowledge-base passages given, and only the connecting words (core/offline/templates.py) are the
engine's own.
"""

from core.offline.customize import customize
from core.offline.documents import ServiceDocuments
from core.offline.interview import interview
from core.offline.match import match
from core.offline.summary import extract_job, summarize

__all__ = ["ServiceDocuments", "customize", "extract_job", "interview", "match", "summarize"]
