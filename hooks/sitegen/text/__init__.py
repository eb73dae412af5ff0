"""Text as shown: money and percentages, dates, rich text, ordinals, the termbase, Latvian word
forms, the interface strings.
"""
