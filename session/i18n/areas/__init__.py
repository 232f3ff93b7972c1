"""Message catalogs by area of the app, each a module with ``VI`` and ``EN`` dicts.

Every module here is merged into the main catalogs at start-up, so an area keeps its
messages in one file beside the others (documents, imports, planning, display…)."""
