"""Text as shown: money and percentages, rich text, ordinals, the termbase, Latvian word forms, the
interface strings.
"""
