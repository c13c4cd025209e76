"""YAML front matter at the top of a Markdown or text source: where it is, not what it means."""

from __future__ import annotations

import re

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(?:(?P<body>.*?)\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
