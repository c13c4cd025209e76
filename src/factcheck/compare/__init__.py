"""Claims → findings and corroborations, incident by incident.

Claims are compared only within an incident, and only with claims about the same subject and
attribute (blocking by key keeps this near-linear in the number of claims). Each kind has its
own rule: ages and counts as intervals, dates at their precision after resolution, statuses
through an explicit ontology of which states exclude each other.

One module per kind of rule (ages, status, roles, quantities, dates, open_facts), the sides of a
finding and the merging of agreements in groups, alignment of framed facts in align, and the
report's evidence references in evidence; incident runs them all for one incident.
"""

from factcheck.compare.evidence import LineIndex, claim_ref, finalize
from factcheck.compare.groups import SEVERITY_ORDER, Agreement, Pending
from factcheck.compare.incident import compare_incident

__all__ = ["SEVERITY_ORDER", "Agreement", "LineIndex", "Pending", "claim_ref", "compare_incident", "finalize"]
