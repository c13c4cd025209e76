"""Error classes with the messages users see; each says what failed, where, and how to fix it."""

from __future__ import annotations


class FactcheckError(Exception):
    """An input or usage problem the user can fix. The CLI prints it on one line and exits 2."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if not self.hint:
            return self.message
        return f"{self.message.rstrip('.')}. {self.hint}"


class SourcesError(FactcheckError):
    """The sources folder is missing, empty or unreadable."""


class SourceFileError(FactcheckError):
    """One source file cannot be read as an article (empty, binary, too large, unreadable): the run
    skips it with a warning that gives this message."""


class ClaimsFileError(FactcheckError):
    """A claims file is malformed or was edited by hand in a way we must not overwrite."""


class ReviewsFileError(FactcheckError):
    """The review decisions file is malformed."""


class ConfigError(FactcheckError):
    """factcheck.toml or [tool.factcheck] in pyproject.toml is malformed."""


class OutputError(FactcheckError):
    """A folder factcheck writes to cannot be used (it is a file, or cannot be written)."""


def render_validation_error(path: str, error: Exception) -> str:
    """Turn a pydantic ValidationError into one line: 'file: field 'x': problem; field 'y': problem'."""
    errors = getattr(error, "errors", None)
    if not callable(errors):
        return f"{path}: {error}"
    problems = []
    for item in errors():
        loc = ".".join(str(p) for p in item.get("loc", ())) or "(top level)"
        problems.append(f"field '{loc}': {item.get('msg', 'invalid')}")
    shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
    return f"{path}: {shown}"


def bug_message(exc: BaseException, where: str) -> str:
    """The one line an unexpected exception gets: it is a bug of factcheck's, and where to report it."""
    name = type(exc).__name__
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return (
        f"internal error, a bug in factcheck ({name}{': ' + detail if detail else ''}, at {where}). "
        f"Please report it on {issue_tracker()}, with the command you ran and what it prints when run as "
        "`factcheck --debug ...` (or with FACTCHECK_DEBUG=1)."
    )


def issue_tracker() -> str:
    """Where bugs go: the package's declared issue tracker, else the repository it was installed from."""
    from importlib import metadata

    try:
        urls = metadata.metadata("factcheck").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("issues", "bug tracker", "tracker"):
            return str(url).strip()
    return "the issue tracker of the repository you installed factcheck from"
