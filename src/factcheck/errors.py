"""Error classes with the messages users see; each says what failed, where, and how to fix it."""

from __future__ import annotations


class FactcheckError(Exception):
    """An input or usage problem the user can fix. The CLI prints it and exits 2."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  {self.hint}" if self.hint else self.message


class SourcesError(FactcheckError):
    """The sources folder is missing, empty or unreadable."""


class SourceFileError(FactcheckError):
    """One source file cannot be read as an article (empty, binary, too large, unreadable): the run
    skips it with a warning that gives this message."""


class ClaimsFileError(FactcheckError):
    """A claims file is malformed or was edited by hand in a way we must not overwrite."""


class ReviewsFileError(FactcheckError):
    """The review decisions file is malformed."""


def render_validation_error(path: str, error: Exception) -> str:
    """Turn a pydantic ValidationError into 'file: field 'x': problem' lines, one per error."""
    errors = getattr(error, "errors", None)
    if not callable(errors):
        return f"{path}: {error}"
    lines = []
    for item in errors():
        loc = ".".join(str(p) for p in item.get("loc", ())) or "(top level)"
        lines.append(f"{path}: field '{loc}': {item.get('msg', 'invalid')}")
    return "\n".join(lines)
