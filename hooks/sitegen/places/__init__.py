"""Places: the territory (municipalities, parishes, the Krāslava transition) and the finder's
questions and answers.
"""
