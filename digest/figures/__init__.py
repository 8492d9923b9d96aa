"""Figures: the numbers an article states, what each counts, and their grouping across outlets."""
