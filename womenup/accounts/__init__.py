"""Accounts: the allauth adapters, MFA, password rules, permission guards and sign-up."""
