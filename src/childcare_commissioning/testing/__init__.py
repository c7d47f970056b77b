"""Test support shipped with the library, for our tests and for council plugin authors.

Importing :mod:`childcare_commissioning.testing.strategies` needs Hypothesis (the ``test``
extra); nothing in the library's runtime imports this package.
"""
