"""What the site publishes besides its pages: open data (HSDS, tables, CSV), JSON-LD, the facts
ledger, and what a change removes.
"""
