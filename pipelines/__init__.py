"""Tally: attributed, checked figures from war reporting.

sources -> raw -> articles -> figures -> marts
"""
