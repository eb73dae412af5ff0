"""Test support shared by tests/ and the widgets' own tests (overrides/widgets/<name>/tests/).

It lives outside tests/ so that a widget's tests import nothing from tests/: a widget folder
holds its code and its tests, and needs only this package and the root conftest.py.
"""
