"""Verifiers: calendar observances, reference series, fact tables."""
