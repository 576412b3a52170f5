"""Rasa input channels: the web chat page, Slack and Microsoft Teams."""
