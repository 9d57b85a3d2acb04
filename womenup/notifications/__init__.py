"""Notifications: the outbox (a row per message) and queuing messages rendered at send time."""
