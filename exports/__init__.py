"""What a meeting LEAVES: minutes, conclusion notice, follow-up sheet, JSON.

Reads plain data from session.domain; imports python-docx and openpyxl lazily.
"""
