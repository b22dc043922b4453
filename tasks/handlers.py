"""Imports every module that registers a job handler, so a consumer knows every job kind."""

from __future__ import annotations

import importlib
import logging

HANDLER_MODULES = ("core.probe", "core.assets.jobs", "core.workbench.jobs")

for _name in HANDLER_MODULES:
    try:
        importlib.import_module(_name)
    except ModuleNotFoundError as exc:  # a feature not built yet must not stop the others
        if exc.name is None or not _name.startswith(exc.name):
            raise
        logging.getLogger("tasks").warning("handler module missing: %s", _name)
