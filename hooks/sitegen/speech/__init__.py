"""Speech: spoken forms of numbers, prices, times and phones, their markup in pages, the listen-
aloud text and its recordings.
"""
