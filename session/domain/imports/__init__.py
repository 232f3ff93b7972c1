"""Import of the compiled petitions (báo cáo tổng hợp ý kiến, kiến nghị) from the files
offices send: .xlsx, .xls, .ods, .csv, or a table in a Word document.

- :mod:`.readers` — one reader per format, into :class:`.sources.Grid` rows of cells;
- :mod:`.legacy` — text typed in TCVN3 / VNI converted to Unicode;
- :mod:`.columns`, :mod:`.header` — header row and what each column holds;
- :mod:`.rows` — what each row is (petition, group heading, subtotal, signature…);
- :mod:`.plan`, :mod:`.preview` — the preview, nothing written;
- :mod:`.write` — one short transaction, all rows or none.
"""

from session.domain.imports.plan import plan_import
from session.domain.imports.preview import ImportPlan
from session.domain.imports.write import ImportResult, import_slips, run_import

__all__ = ["ImportPlan", "ImportResult", "import_slips", "plan_import", "run_import"]
