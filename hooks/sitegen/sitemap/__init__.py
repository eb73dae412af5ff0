"""The site's pages declared once: the page kinds, their addresses, and which widgets each kind
loads.
"""
