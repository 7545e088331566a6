"""Statistics for people, charts, and the report for a therapist."""
