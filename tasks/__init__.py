"""Huey instances and thin task functions; every rule they apply lives in core/."""
