"""A person's training plan: the command, and the calendar file, page and text made from it."""
