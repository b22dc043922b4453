"""The exception tree, modelled on httpx's: callers catch as broadly or narrowly as they need.

AppError
├── UserError            the user can fix it; carries a translation key and parameters for zh/en
│   ├── NotFound          missing, or not theirs (never reveal which)
│   ├── LimitReached      per-user services in flight, size/page limits
│   └── InvalidInput      a broken PDF, an empty JD, a missing reason
└── UpstreamError        the LLM provider failed
    ├── TransientUpstreamError   429, 5xx, timeout, cut stream, invalid output: retry with backoff
    └── PermanentUpstreamError   401/400-class: retrying will not help

Messages never carry resume or JD content: only keys, ids and numbers.
"""

from __future__ import annotations

from typing import Any


class AppError(Exception):
    """Base of every error the application raises on purpose."""


class UserError(AppError):
    """An error shown to the user, by translation key (see core/i18n)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle key and params (a UserError raised in a sandboxed child comes back whole)."""
        return (_rebuild_user_error, (type(self), self.key, self.params))


class NotFound(UserError):
    def __init__(self, what: str = "item") -> None:
        super().__init__("error.not_found", what=what)


class LimitReached(UserError):
    pass


class InvalidInput(UserError):
    pass


class Forbidden(UserError):
    def __init__(self) -> None:
        super().__init__("error.forbidden")


class UpstreamError(AppError):
    """The LLM provider failed; `detail` is technical and goes to logs, never content."""

    def __init__(self, detail: str, *, user_key: str = "error.upstream") -> None:
        super().__init__(detail)
        self.detail = detail
        self.user_key = user_key


class TransientUpstreamError(UpstreamError):
    pass


class PermanentUpstreamError(UpstreamError):
    pass


class JobLost(AppError):
    """This worker no longer holds the job's lease (reaped, cancelled or taken over): stop quietly."""


def _rebuild_user_error(cls: type[UserError], key: str, params: dict[str, Any]) -> UserError:
    error = cls.__new__(cls)
    UserError.__init__(error, key, **params)
    return error
