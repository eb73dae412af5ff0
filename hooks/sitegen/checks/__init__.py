"""Validation: loading the data with every check in one pass, cross-file references, plain-words
messages, content pages, lint, the GitHub report, translations, the editors' doubts.
"""
