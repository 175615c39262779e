"""Runnable examples (a package so ``python -m examples.webapp`` and the tests import them)."""
