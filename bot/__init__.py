"""SEND Training Guide runtime: the command line, and later serving and channels."""
