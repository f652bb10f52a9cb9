"""Tests of mirrortrade.sources (no network)."""
