"""Every job kind's handler, listed in one place: the consumers and the tests install exactly these."""

from __future__ import annotations

from core.assets.jobs import AssetSummaryHandler
from core.probe import ProbeHandler
from core.workbench.jobs import CustomizeHandler, InterviewHandler, JobExtractionHandler, MatchHandler
from core.worker import Handler


def all_handlers() -> list[Handler]:
    """One handler per job kind: resume, detailed_resume, probe, job, match, customize, interview."""
    return [
        AssetSummaryHandler("resume"),
        AssetSummaryHandler("detailed_resume"),
        ProbeHandler(),
        JobExtractionHandler(),
        MatchHandler(),
        CustomizeHandler(),
        InterviewHandler(),
    ]
