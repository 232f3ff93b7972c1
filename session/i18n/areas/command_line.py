"""Messages of the command line and of the database it opens: where the data lives, a
missing or unusable database, file names for exports, the phrase list."""

VI = {
    # --- the database --------------------------------------------------------------------
    "error.db.missing": "Không có tệp cơ sở dữ liệu {path}. Kiểm tra lại đường dẫn (--db hoặc biến HOINGHI_DB); tạo mới bằng `hoinghi new` hoặc `hoinghi demo`.",
    "error.db.unsupported": "Không dùng được cơ sở dữ liệu {url}: hoinghi chỉ làm việc với tệp SQLite (đường dẫn tệp) hoặc PostgreSQL (postgresql+psycopg://…).",
    "error.db.driver_missing": "Chưa cài phần kết nối PostgreSQL cho {url}; cài bằng: pip install 'hoinghi[pg]'.",
    "error.db.foreign": "Cơ sở dữ liệu {path} đã có bảng của chương trình khác ({tables}); hoinghi không ghi vào đó. Hãy tạo một cơ sở dữ liệu riêng cho hoinghi.",
    "cli.db.created": "Đã tạo cơ sở dữ liệu mới: {path}",
    "cli.new.created": "Đã tạo hội nghị số {id}: {title}",
    "cli.db.first_start": "Dữ liệu của hoinghi được lưu tại: {path} (chọn nơi khác bằng --db hoặc biến HOINGHI_DB).",
    "cli.help.data": "Dữ liệu được lưu tại (chọn nơi khác bằng --db hoặc biến HOINGHI_DB):",
    "cli.help.config": "Mẫu chương trình, câu mẫu và mẫu phiếu bạn sửa nằm trong:",
    # --- numbers and dates ---------------------------------------------------------------
    "error.date.out_of_range": "Ngày “{value}”: năm phải từ {first} đến {last}.",
    "error.text.unencodable": "Nội dung có ký tự không đọc được (lỗi mã hóa); thao tác chưa được lưu.",
    "error.number.overflow": "Số hoặc ngày quá lớn; thao tác chưa được thực hiện.",
    "error.issue.no_number": "Không có kiến nghị số {id} trong sổ kiến nghị.",
    "cli.number.invalid": "{option}: “{value}” không phải là một số nguyên.",
    "cli.number.range": "{option}: “{value}” phải là số nguyên từ {low} đến {high}.",
    # --- exports -------------------------------------------------------------------------
    "error.export.extension": "Tệp {name}: loại văn bản này được ghi thành tệp {expected}; hãy đặt tên có đuôi {expected} hoặc bỏ đuôi để hoinghi tự thêm.",
    # --- the phrase list -----------------------------------------------------------------
    "phrase.file": "Sửa danh sách câu mẫu: hoinghi phrases --edit (tệp {path})",
    "cli.phrases.file": "Danh sách câu mẫu: {path}",
    "cli.phrases.builtin": "(danh sách có sẵn; `hoinghi phrases --edit` chép ra {path} để sửa)",
    "cli.phrases.copied": "Đã chép danh sách câu mẫu để sửa: {path}",
}

EN = {
    # --- the database --------------------------------------------------------------------
    "error.db.missing": "There is no database file {path}. Check the path (--db or HOINGHI_DB); create one with `hoinghi new` or `hoinghi demo`.",
    "error.db.unsupported": "Cannot use the database {url}: hoinghi works with an SQLite file (a file path) or PostgreSQL (postgresql+psycopg://…).",
    "error.db.driver_missing": "The PostgreSQL driver for {url} is not installed; install it with: pip install 'hoinghi[pg]'.",
    "error.db.foreign": "The database {path} already holds another program's tables ({tables}); hoinghi does not write there. Create a database of its own for hoinghi.",
    "cli.db.created": "Created a new database: {path}",
    "cli.new.created": "Created meeting {id}: {title}",
    "cli.db.first_start": "hoinghi keeps its data in: {path} (choose another place with --db or HOINGHI_DB).",
    "cli.help.data": "Data is kept in (choose another place with --db or HOINGHI_DB):",
    "cli.help.config": "The agenda templates, phrases and survey forms you edit are in:",
    # --- numbers and dates ---------------------------------------------------------------
    "error.date.out_of_range": "Date “{value}”: the year must be from {first} to {last}.",
    "error.text.unencodable": "The text holds characters that cannot be read (an encoding fault); nothing was saved.",
    "error.number.overflow": "A number or date too large; nothing was done.",
    "error.issue.no_number": "There is no petition number {id} in the ledger.",
    "cli.number.invalid": "{option}: “{value}” is not a whole number.",
    "cli.number.range": "{option}: “{value}” must be a whole number from {low} to {high}.",
    # --- exports -------------------------------------------------------------------------
    "error.export.extension": "File {name}: this document is written as a {expected} file; name it with {expected} or leave the extension out and hoinghi adds it.",
    # --- the phrase list -----------------------------------------------------------------
    "phrase.file": "Edit the phrase list: hoinghi phrases --edit (file {path})",
    "cli.phrases.file": "Phrase list: {path}",
    "cli.phrases.builtin": "(the built-in list; `hoinghi phrases --edit` copies it to {path} to edit)",
    "cli.phrases.copied": "Copied the phrase list to edit: {path}",
}
