"""SEND Training Guide knowledge base: cited content, storage and the level rules.

Plain Python with no Rasa import, so the rules can be used and tested on their own.
"""
