"""Comparisons between groups of articles: `groups` (grouping by a catalog column, differences
with intervals) and `summary` (the headline framing table and figure)."""
