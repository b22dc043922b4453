"""Imports every module that registers a job handler, so a consumer knows every job kind."""

from __future__ import annotations

import core.assets.jobs  # registers: resume, detailed_resume
import core.probe  # registers: probe
import core.workbench.jobs  # noqa: F401  registers: job, match, customize, interview
