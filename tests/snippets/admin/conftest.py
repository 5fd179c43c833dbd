"""Users in each role for the admin tests: see the shared fixtures in tests/conftest.py."""
