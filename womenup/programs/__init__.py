"""Programmes: what they are and who may take part (the eligibility evaluator lives here)."""
