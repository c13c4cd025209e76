"""factcheck: compare news reports of one incident, with evidence for every finding.

The public API: `compare_folder()` runs the whole pipeline; `extract_claims()` reads one
document; the models are the one schema for sources, claims, findings and reports.
"""

from __future__ import annotations

__version__ = "0.1.0"

# The import builds the rules' tables (lexicons, lemma and inflection tables, patterns, models):
# hundreds of thousands of objects that live as long as the process and hold no cycles. The
# cycle collector, left on, walks them again and again as they are made (a sixth of a second);
# it is paused while they are built and left as it was found.
from factcheck.text.collector import paused_gc

with paused_gc():
    from factcheck.extract import extract_claims
    from factcheck.models import ClaimsFile, Corroboration, Finding, Report
    from factcheck.pipeline import compare_folder

__all__ = ["ClaimsFile", "Corroboration", "Finding", "Report", "__version__", "compare_folder", "extract_claims"]
