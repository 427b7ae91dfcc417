"""Extractors: plain functions over a spaCy Doc (or text) returning records."""
