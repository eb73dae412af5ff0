"""Fees: the price rules, exemptions, the calculator's arithmetic and the fee checks."""
