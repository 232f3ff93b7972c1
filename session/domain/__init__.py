"""Pure domain operations over models/: no Textual here (checked by import-linter).

Each operation that changes anything is one ``Store.action`` — one transaction with its
event row — and takes the time from a clock passed in.
"""
