"""Messages of the documents area: the meeting's unit (đơn vị hành chính), what its
documents print, exports and their history, the meeting's archive."""

from __future__ import annotations

VI = {
    # the unit
    "error.unit.unparsed": (
        "Không nhận ra đơn vị hành chính trong “{value}”: ghi cơ quan ban hành theo dạng "
        "“ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN” (Ủy ban nhân dân, loại đơn vị, tên đơn vị)."
    ),
    "error.unit.bad_kind": "Loại đơn vị “{value}” không có; chọn một trong: {kinds}.",
    "error.unit.incomplete": "Cần cả loại đơn vị và tên đơn vị (hoặc để trống cả hai).",
    "error.unit.unknown_code": "Không có đơn vị hành chính mã {value} trong danh mục.",
    "error.unit.not_found": "Không tìm thấy đơn vị “{query}” trong danh mục; có thể gõ tay cơ quan ban hành (--issuing-body).",
    "error.unit.ambiguous": "“{query}” khớp {count} đơn vị: {units}. Thêm tỉnh (--province) hoặc dùng mã (--unit-code).",
    "field.unit_kind": "Loại đơn vị",
    "field.unit_name": "Tên đơn vị",
    "field.province": "Tỉnh, thành phố",
    "field.unit_code": "Mã đơn vị",
    "field.residential": "Tên đơn vị dân cư (bản, ấp, tổ dân phố…)",
    "field.cluster": "Hội nghị dành cho (bỏ trống: toàn đơn vị)",
    "unit.search": "Tìm đơn vị hành chính (không cần dấu): tên, tỉnh…",
    "unit.chosen": "Đơn vị: {unit}",
    "unit.none": "Chưa chọn đơn vị — chọn trong danh sách, hoặc gõ cơ quan ban hành.",
    "unit.typed": "Gõ tay cơ quan ban hành (nếu đơn vị không có trong danh mục)",
    "unit.count": "{count} đơn vị khớp",
    "cli.units.row": "{code:>6}  {unit}",
    "cli.units.none": "Không có đơn vị nào khớp “{query}”.",
    # what the documents print
    "details.unit": "Đơn vị hành chính — chọn ở đây thì cơ quan ban hành được viết lại",
    "details.papers": "Văn bản: người ký, nơi nhận, ngày thông báo",
    "details.pick": "Chọn đơn vị…",
    "field.notice_date": "Ngày thông báo (dd/mm/yyyy)",
    "field.notice_authority": "Thẩm quyền (TM., KT.…)",
    "field.notice_authority_body": "Ký thay mặt",
    "field.notice_signer_title": "Chức vụ người ký",
    "field.notice_signer_name": "Người ký (trống: chủ trì)",
    "field.chair_label": "Chữ ký chủ tọa (biên bản)",
    "field.secretary_label": "Chữ ký thư ký (biên bản)",
    "field.notice_recipients": "Nơi nhận thông báo (cách nhau bởi ;)",
    "field.minutes_recipients": "Nơi nhận biên bản (cách nhau bởi ;)",
    "field.records_office": "Lưu",
    "field.minutes_suffix": "Ký hiệu biên bản",
    "field.notice_suffix": "Ký hiệu thông báo",
    "field.margin_top_mm": "Lề trên (mm)",
    "field.margin_bottom_mm": "Lề dưới (mm)",
    "field.margin_left_mm": "Lề trái (mm)",
    "field.margin_right_mm": "Lề phải (mm)",
    "field.body_pt": "Cỡ chữ nội dung (pt)",
    "error.settings.out_of_range": "{name} = {value} nằm ngoài khoảng Nghị định 30/2020 cho phép: từ {low} đến {high}.",
    # exports
    "error.export.no_issuing_body": (
        "Hội nghị số {id} chưa có cơ quan ban hành, nên chưa xuất được văn bản: chọn đơn vị hành chính trong "
        'Thông tin hội nghị (phím M), hoặc hoinghi details --meeting {id} --set issuing_body="ỦY BAN NHÂN DÂN …".'
    ),
    "export.notice_date": "Ngày thông báo kết luận (dd/mm/yyyy)",
    "export.notice_limit": "Luật 72/2025/QH15, Điều 43: công khai kết quả chậm nhất ngày {limit} (10 ngày sau hội nghị).",
    "export.notice_late": "⚠ Ngày {day} đã quá hạn công khai {limit} ({days} ngày sau hội nghị); vẫn xuất được.",
    "export.notice_early": "⚠ Ngày {day} trước ngày hội nghị {meeting}.",
    "export.not_closed": "⚠ Hội nghị đang họp, chưa bế mạc: biên bản và thông báo kết luận xuất lúc này là bản nháp (chưa có giờ kết thúc).",
    "export.no_attendance": "⚠ Chưa nhập số người có mặt: biên bản và thông báo kết luận sẽ ghi 0 người tham dự (nhập ở Thông tin hội nghị, phím M; hoặc hoinghi details --group).",
    "action.export.document": "xuất văn bản",
    "history.export": "{kind} {number} {day} → {file} (SHA-256 {sha})",
    "export.kind.minutes": "biên bản",
    "export.kind.conclusion": "thông báo kết luận",
    "export.kind.followup": "bảng theo dõi",
    "export.kind.json": "hồ sơ JSON",
    "export.kind.pdf": "bản PDF",
    # the archive
    "action.meeting.import": "nhập hồ sơ lưu trữ",
    "archive.imported": "Đã nhập hội nghị số {id}: {title} ({rows} dòng dữ liệu, {events} thao tác).",
    "error.archive.unreadable": "Không đọc được tệp {path}: {detail}.",
    "error.archive.not_json": "Tệp {path} không phải tệp JSON hợp lệ (hỏng hoặc không phải hồ sơ hoinghi).",
    "error.archive.format": "Tệp {path} không phải hồ sơ hội nghị của hoinghi (định dạng “{format}”).",
    "error.archive.version": "Hồ sơ {path} ở phiên bản {version}, bản hoinghi này đọc được: {supported}; hãy cập nhật hoinghi.",
    "error.archive.damaged": "Hồ sơ {path} bị hỏng ({detail}); không nhập gì.",
}

EN = {
    # the unit
    "error.unit.unparsed": (
        "No commune-level unit found in “{value}”: write the issuing body as "
        "“ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN” (People's Committee, unit kind, unit name)."
    ),
    "error.unit.bad_kind": "There is no unit kind “{value}”; choose one of: {kinds}.",
    "error.unit.incomplete": "Both the unit kind and the unit name are needed (or leave both blank).",
    "error.unit.unknown_code": "No unit with code {value} in the official list.",
    "error.unit.not_found": "No unit “{query}” in the official list; the issuing body can be typed instead (--issuing-body).",
    "error.unit.ambiguous": "“{query}” matches {count} units: {units}. Add the province (--province) or use the code (--unit-code).",
    "field.unit_kind": "Unit kind",
    "field.unit_name": "Unit name",
    "field.province": "Province",
    "field.unit_code": "Unit code",
    "field.residential": "Residential units (village, residential group…)",
    "field.cluster": "Meeting held for (blank: the whole unit)",
    "unit.search": "Find the unit (accents optional): name, province…",
    "unit.chosen": "Unit: {unit}",
    "unit.none": "No unit yet — choose one from the list, or type the issuing body.",
    "unit.typed": "Issuing body typed by hand (for a unit not in the official list)",
    "unit.count": "{count} units match",
    "cli.units.row": "{code:>6}  {unit}",
    "cli.units.none": "No unit matches “{query}”.",
    # what the documents print
    "details.unit": "Administrative unit — choosing it here rewrites the issuing body",
    "details.papers": "Documents: signer, recipients, notice date",
    "details.pick": "Choose unit…",
    "field.notice_date": "Notice date (dd/mm/yyyy)",
    "field.notice_authority": "Authority (TM., KT.…)",
    "field.notice_authority_body": "Signing on behalf of",
    "field.notice_signer_title": "Signer's title",
    "field.notice_signer_name": "Signer (blank: the chair)",
    "field.chair_label": "Chair's signature line (minutes)",
    "field.secretary_label": "Secretary's signature line (minutes)",
    "field.notice_recipients": "Recipients of the notice (separated by ;)",
    "field.minutes_recipients": "Recipients of the minutes (separated by ;)",
    "field.records_office": "Filed at",
    "field.minutes_suffix": "Minutes code",
    "field.notice_suffix": "Notice code",
    "field.margin_top_mm": "Top margin (mm)",
    "field.margin_bottom_mm": "Bottom margin (mm)",
    "field.margin_left_mm": "Left margin (mm)",
    "field.margin_right_mm": "Right margin (mm)",
    "field.body_pt": "Body font size (pt)",
    "error.settings.out_of_range": "{name} = {value} is outside what Decree 30/2020 allows: from {low} to {high}.",
    # exports
    "error.export.no_issuing_body": (
        "Meeting {id} has no issuing body yet, so no document can be exported: choose its administrative unit in "
        'the meeting details (key M), or hoinghi details --meeting {id} --set issuing_body="ỦY BAN NHÂN DÂN …".'
    ),
    "export.notice_date": "Date of the conclusion notice (dd/mm/yyyy)",
    "export.notice_limit": "Law 72/2025/QH15, Article 43: results public by {limit} at the latest (10 days after the meeting).",
    "export.notice_late": "⚠ {day} is past the publication limit {limit} ({days} days after the meeting); export still allowed.",
    "export.notice_early": "⚠ {day} is before the meeting day {meeting}.",
    "export.not_closed": "⚠ The meeting is still being held: minutes and notice exported now are drafts (no end time yet).",
    "export.no_attendance": "⚠ Nobody has typed the attendance: the minutes and notice would say 0 people attended (type it in the meeting's particulars, key M, or hoinghi details --group).",
    "action.export.document": "document exported",
    "history.export": "{kind} {number} {day} → {file} (SHA-256 {sha})",
    "export.kind.minutes": "minutes",
    "export.kind.conclusion": "conclusion notice",
    "export.kind.followup": "follow-up sheet",
    "export.kind.json": "JSON archive",
    "export.kind.pdf": "PDF copy",
    # the archive
    "action.meeting.import": "archive imported",
    "archive.imported": "Imported as meeting {id}: {title} ({rows} rows, {events} actions).",
    "error.archive.unreadable": "Cannot read {path}: {detail}.",
    "error.archive.not_json": "{path} is not valid JSON (damaged, or not a hoinghi archive).",
    "error.archive.format": "{path} is not a hoinghi meeting archive (format “{format}”).",
    "error.archive.version": "Archive {path} is version {version}; this hoinghi reads: {supported}. Please update hoinghi.",
    "error.archive.damaged": "Archive {path} is damaged ({detail}); nothing was imported.",
}
