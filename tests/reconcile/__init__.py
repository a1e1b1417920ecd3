"""Tests of ``extractor.reconcile`` (a package, so helpers import by relative name)."""
