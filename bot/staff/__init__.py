"""Checking whole staff lists: the command, the worker process each list is read in, the reports, and HR's template."""
