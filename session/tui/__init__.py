"""The Textual app: screens, widgets, one stylesheet. Screens call session.domain; no SQL here."""
