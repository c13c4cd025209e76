"""The command line: parse, call one library function, render, exit.

`base` holds the group and what every command shares; each other module adds its commands to it.
"""

from factcheck.cli import claim, compare, incident, review
from factcheck.cli.base import ByteProgress, main, progress_bar

__all__ = ["ByteProgress", "claim", "compare", "incident", "main", "progress_bar", "review"]
