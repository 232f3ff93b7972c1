"""What a meeting IS: tables, the store, schema versions, Vietnamese text keys.

Knows nothing of Textual or Word.
"""
