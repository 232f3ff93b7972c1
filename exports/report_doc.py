"""The yearly report (Báo cáo kết quả tổ chức hội nghị đối thoại, ``…/BC-UBND``) and the
province's roll-up (báo cáo tổng hợp, one row per commune) as Word documents in the
Nghị định 30/2020 layout, from the figures of ``session.domain.report``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from exports.texts import doc_number
from session.domain.dates import fmt_date
from session.domain.place_words import meeting_words
from session.domain.report import CommuneRow, YearFigures
from session.domain.settings import OfficeSettings

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

OUTCOME_ROWS = (
    ("answered", "Trả lời trực tiếp tại hội nghị"),
    ("study", "Tiếp thu, giao nghiên cứu"),
    ("assigned", "Giao cơ quan, đơn vị giải quyết"),
    ("forwarded", "Vượt thẩm quyền, chuyển cấp trên"),
    ("", "Chưa có kết luận"),
)


def pct(value: float | None) -> str:
    """57,9 (Vietnamese decimal comma); a dash when there is nothing to divide."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",")


def share(part: int, whole: int) -> float | None:
    return round(part * 100 / whole, 1) if whole else None


def duration_words(seconds: float) -> str:
    """ "2 giờ 05 phút", "45 phút"."""
    minutes = int(round(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    return f"{hours} giờ {minutes:02d} phút" if hours else f"{minutes} phút"


@dataclass(frozen=True)
class ReportHeading:
    """Who issues the report and who signs it."""

    issuing_body: str  # ỦY BAN NHÂN DÂN PHƯỜNG BA ĐỒN / SỞ NỘI VỤ TỈNH …
    parent_body: str
    place_name: str
    number_suffix: str  # BC-UBND
    signer_authority: str  # "TM. ỦY BAN NHÂN DÂN" or ""
    signer_title: str  # CHỦ TỊCH / GIÁM ĐỐC
    signer_name: str
    recipients: tuple[str, ...]
    records_office: str = "VT"


def commune_heading(
    settings: OfficeSettings, issuing_body: str, place_name: str, signer: str, unit_kind: str
) -> ReportHeading:
    """The heading of a commune's own report, from the office settings (the place on the
    date line falls back to the unit's name: "Hòa An, ngày …")."""
    authority = (
        f"{settings.notice_authority} {settings.notice_authority_body}".strip() if settings.notice_authority else ""
    )
    return ReportHeading(
        issuing_body=settings.issuing_body or issuing_body,
        parent_body=settings.parent_body,
        place_name=settings.place_name or place_name,
        number_suffix="BC-UBND",
        signer_authority=authority,
        signer_title=settings.notice_signer_title,
        signer_name=settings.notice_signer_name or signer,
        recipients=(
            "UBND tỉnh (qua Sở Nội vụ)",
            f"Thường trực Đảng ủy {unit_kind} (b/c)",
            f"Thường trực HĐND {unit_kind} (b/c)",
            f"Chủ tịch, các Phó Chủ tịch UBND {unit_kind}",
            f"Ủy ban MTTQ Việt Nam {unit_kind}",
        ),
        records_office=settings.records_office,
    )


def _heading(doc: DocxDocument, text: str) -> None:
    from exports.docx_format import set_style

    set_style(doc.add_paragraph(text), "HNHeading")


def _sections(doc: DocxDocument, f: YearFigures, *, first: int) -> None:
    """The figure sections shared by a commune's report and the roll-up, numbered from *first*."""
    from exports.docx_format import body
    from exports.docx_tables import figures_table

    n = first
    _heading(doc, f"{n}. Ý kiến phát biểu và thời gian đối thoại")
    total_time = f.seconds_people + f.seconds_officials
    body(
        doc,
        f"Tại các hội nghị có {f.speakers} lượt phát biểu, trong đó Nhân dân, đại biểu {f.speakers_people} lượt, "
        f"cán bộ, công chức {f.speakers_officials} lượt. Nhân dân phát biểu {duration_words(f.seconds_people)}, "
        f"chủ trì và các cơ quan trả lời, giải thích {duration_words(f.seconds_officials)}; thời gian của Nhân dân "
        f"chiếm {pct(f.people_time_percent if total_time else None)}% thời gian đối thoại.",
    )
    n += 1
    _heading(doc, f"{n}. Ý kiến, kiến nghị theo lĩnh vực")
    body(doc, f"Tổng số {f.issues} ý kiến, kiến nghị của Nhân dân (kể cả ý kiến tổng hợp trước hội nghị), gồm:")
    # Table rows: a number (or "" on the total's row), text and figures.
    rows: list[tuple[object, ...]] = [
        (i, c.label[:1].upper() + c.label[1:], c.count, pct(c.percent)) for i, c in enumerate(f.by_field, 1)
    ]
    rows.append(("", "Tổng cộng", f.issues, pct(100.0 if f.issues else None)))
    figures_table(doc, ("STT", "Lĩnh vực", "Số ý kiến", "Tỷ lệ (%)"), rows, (1.3, 9.2, 3.0, 3.0), bold_last=True)
    n += 1
    word = f.place.residential
    _heading(doc, f"{n}. Ý kiến, kiến nghị theo {word}")
    rows = [(i, c.label, c.count, pct(c.percent)) for i, c in enumerate(f.by_locality, 1)]
    rows.append(("", "Tổng cộng", f.issues, pct(100.0 if f.issues else None)))
    headers: tuple[str, ...] = ("STT", word[:1].upper() + word[1:], "Số ý kiến", "Tỷ lệ (%)")
    figures_table(doc, headers, rows, (1.3, 9.2, 3.0, 3.0), bold_last=True)
    n += 1
    _heading(doc, f"{n}. Kết quả giải quyết ý kiến, kiến nghị")
    rows = [
        (i, label, f.outcome(key), pct(share(f.outcome(key), f.issues)))
        for i, (key, label) in enumerate(OUTCOME_ROWS, 1)
    ]
    rows.append(("", "Tổng cộng", f.issues, pct(100.0 if f.issues else None)))
    figures_table(
        doc, ("STT", "Hình thức giải quyết", "Số ý kiến", "Tỷ lệ (%)"), rows, (1.3, 9.2, 3.0, 3.0), bold_last=True
    )
    r = f.replies
    body(
        doc,
        f"Tình hình trả lời các ý kiến giao nghiên cứu, giao giải quyết và chuyển cấp trên "
        f"(tính đến ngày {fmt_date(f.today)}; thời hạn tính theo ngày làm việc):",
    )
    rows = [
        (1, "Đã trả lời đúng hạn", r.on_time, pct(share(r.on_time, r.tracked))),
        (2, "Đã trả lời nhưng quá hạn", r.late, pct(share(r.late, r.tracked))),
        (3, "Chưa trả lời, đã quá hạn", r.overdue, pct(share(r.overdue, r.tracked))),
        (4, "Chưa trả lời, còn trong hạn", r.pending, pct(share(r.pending, r.tracked))),
        ("", "Tổng cộng", r.tracked, pct(100.0 if r.tracked else None)),
    ]
    figures_table(
        doc, ("STT", "Tình hình trả lời", "Số ý kiến", "Tỷ lệ (%)"), rows, (1.3, 9.2, 3.0, 3.0), bold_last=True
    )
    n += 1
    _heading(doc, f"{n}. Kết quả lấy ý kiến về sự hài lòng của Nhân dân")
    if not f.survey_ballots:
        body(doc, "Chưa có kết quả lấy ý kiến về sự hài lòng của Nhân dân trong năm.")
        return
    body(doc, f"Tổng số phiếu thu về: {f.survey_ballots} phiếu. Kết quả (số phiếu, tỷ lệ %):")
    choices = _survey_choices(f)
    headers = ("STT", "Nội dung", *choices, "Không trả lời")
    rows = []
    for q in f.survey:
        cells = {c.text: f"{c.count} ({pct(c.percent)})" for c in q.choices}
        rows.append((q.position, q.text, *(cells.get(c, "–") for c in choices), f"{q.blank} ({pct(q.blank_percent)})"))
    rest = (16.5 - 1.3 - 5.5) / (len(choices) + 1)
    figures_table(doc, headers, rows, (1.3, 5.5, *([rest] * (len(choices) + 1))), size=11)


def _survey_choices(f: YearFigures) -> list[str]:
    choices: list[str] = []
    for q in f.survey:
        for c in q.choices:
            if c.text not in choices:
                choices.append(c.text)
    return choices


def _assessment(doc: DocxDocument, f: YearFigures, *, who: str) -> None:
    from exports.docx_format import body

    _heading(doc, "II. ĐÁNH GIÁ CHUNG")
    _heading(doc, "1. Ưu điểm")
    body(
        doc,
        f"{who} tổ chức hội nghị đối thoại đúng quy định, công khai, dân chủ; Nhân dân thẳng thắn nêu ý kiến; "
        f"{pct(share(f.outcome('answered'), f.issues))}% ý kiến, kiến nghị được trả lời trực tiếp tại hội nghị, "
        "các nội dung còn lại được giao cơ quan, đơn vị nghiên cứu, giải quyết hoặc chuyển cơ quan có thẩm quyền.",
    )
    _heading(doc, "2. Tồn tại, hạn chế")
    r = f.replies
    points = []
    if r.overdue:
        points.append(f"còn {r.overdue} ý kiến, kiến nghị đã quá hạn nhưng chưa được trả lời")
    if r.late:
        points.append(f"{r.late} ý kiến được trả lời chậm so với thời hạn")
    if f.outcome(""):
        points.append(f"{f.outcome('')} ý kiến chưa được chủ trì kết luận tại hội nghị")
    if points:
        body(doc, "Trong năm " + "; ".join(points) + ".")
    else:
        body(doc, "Không có ý kiến, kiến nghị quá hạn trả lời tính đến ngày báo cáo.")
    _heading(doc, "III. PHƯƠNG HƯỚNG, NHIỆM VỤ")
    open_items = r.overdue + r.pending
    lines = [
        "Tiếp tục tổ chức hội nghị đối thoại theo kế hoạch; thông báo công khai thời gian, địa điểm, nội dung "
        "hội nghị ít nhất 07 ngày trước khi tổ chức.",
        f"Đôn đốc các cơ quan, đơn vị trả lời {open_items} ý kiến, kiến nghị còn đang giải quyết"
        + (f", trong đó {r.overdue} ý kiến đã quá hạn." if r.overdue else "."),
        "Công khai kết quả giải quyết để Nhân dân biết, giám sát.",
    ]
    for line in lines:
        body(doc, f"- {line}")


def _sign(doc: DocxDocument, heading: ReportHeading) -> None:
    from exports.docx_format import recipients_and_signature

    lines: list[tuple[str, bool, bool]] = []
    if heading.signer_authority:
        lines.append((heading.signer_authority, True, False))
    lines.append((heading.signer_title, True, False))
    lines += [("", False, False), ("", False, False), ("", False, False), (heading.signer_name, True, False)]
    recipients_and_signature(doc, list(heading.recipients), heading.records_office, lines)


def _front(doc: DocxDocument, heading: ReportHeading, today: date, summary: str) -> None:
    from exports.docx_format import date_line, header, rule, set_style

    place = meeting_words({"issuing_body": heading.issuing_body}).place
    header(
        doc,
        parent_body=heading.parent_body,
        issuing_lines=place.issuing_lines or ((heading.issuing_body,) if heading.issuing_body else ()),
        number=doc_number("", heading.number_suffix),
        place_date=date_line(heading.place_name or "…", today),
    )
    set_style(doc.add_paragraph("BÁO CÁO"), "HNTitle")
    doc.add_paragraph(summary, style="HN Summary")
    rule(doc.add_paragraph(), width_cm=4.0, column_cm=16.5)


def build_year_report(f: YearFigures, heading: ReportHeading, settings: OfficeSettings) -> DocxDocument:
    """A commune's yearly report: the meetings it held and every figure the plans ask for."""
    from exports.docx_format import body, document_for
    from exports.docx_tables import figures_table

    doc = document_for(settings)
    place = f.place
    body_full = f"Ủy ban nhân dân {place.unit}"
    _front(
        doc,
        heading,
        f.today,
        f"Kết quả tổ chức Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân {place.unit} với Nhân dân năm {f.year}",
    )
    body(
        doc,
        f"Thực hiện Điều 43 Luật Tổ chức chính quyền địa phương số 72/2025/QH15 về đối thoại giữa chính quyền "
        f"địa phương cấp xã với Nhân dân, {body_full} báo cáo kết quả tổ chức hội nghị đối thoại năm {f.year} "
        "như sau:",
    )
    _heading(doc, "I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ")
    _heading(doc, "1. Số hội nghị và thành phần tham dự")
    planned = f"; {f.planned} hội nghị theo kế hoạch chưa tổ chức" if f.planned else ""
    body(
        doc,
        f"Trong năm {f.year}, {body_full} đã tổ chức {f.held} hội nghị đối thoại với Nhân dân{planned}. "
        f"Tổng số đại biểu dự {f.present} người/{f.expected} người được mời"
        + (f" (đạt {pct(share(f.present, f.expected))}%)." if f.expected else "."),
    )
    rows: list[tuple[object, ...]] = [
        (
            i,
            fmt_date(m.day),
            f"{m.title}{' — ' + m.venue if m.venue else ''}{'' if m.held else ' (chưa tổ chức)'}",
            m.present,
            m.speeches,
            m.issues,
        )
        for i, m in enumerate(f.meetings, 1)
    ]
    held = [m for m in f.meetings if m.held]
    rows.append(
        ("", "", "Tổng cộng", sum(m.present for m in held), sum(m.speeches for m in held), sum(m.issues for m in held))
    )
    figures_table(
        doc,
        ("STT", "Ngày", "Hội nghị, địa điểm", "Đại biểu dự", "Lượt phát biểu", "Ý kiến, kiến nghị"),
        rows,
        (1.3, 2.4, 7.0, 1.9, 1.9, 2.0),
        text_columns=(2,),
        size=11,
        bold_last=True,
    )
    if f.groups:
        body(doc, "Thành phần tham dự:")
        rows = [(i, name, e, p, pct(share(p, e))) for i, (name, e, p) in enumerate(f.groups, 1)]
        rows.append(("", "Tổng cộng", f.expected, f.present, pct(share(f.present, f.expected))))
        figures_table(
            doc, ("STT", "Thành phần", "Mời", "Dự", "Tỷ lệ (%)"), rows, (1.3, 8.2, 2.3, 2.3, 2.4), bold_last=True
        )
    _sections(doc, f, first=2)
    _assessment(doc, f, who=body_full)
    body(doc, f"Trên đây là báo cáo kết quả tổ chức hội nghị đối thoại năm {f.year} của {body_full}./.")
    _sign(doc, heading)
    return doc


def build_rollup_report(
    total: YearFigures, rows: Sequence[CommuneRow], heading: ReportHeading, settings: OfficeSettings
) -> DocxDocument:
    """The province's compiled report: one row per commune, then the figures of them all."""
    from exports.docx_format import body, document_for
    from exports.docx_tables import figures_table

    doc = document_for(settings)
    _front(
        doc,
        heading,
        total.today,
        f"Tổng hợp kết quả tổ chức Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân cấp xã với Nhân dân năm {total.year}",
    )
    body(
        doc,
        f"Tổng hợp báo cáo của {len(rows)} đơn vị hành chính cấp xã gửi về, kết quả tổ chức hội nghị đối thoại "
        f"giữa Chủ tịch Ủy ban nhân dân cấp xã với Nhân dân năm {total.year} như sau:",
    )
    _heading(doc, "I. KẾT QUẢ TỔ CHỨC HỘI NGHỊ")
    _heading(doc, "1. Kết quả theo từng đơn vị")
    body(
        doc,
        f"Các đơn vị đã tổ chức {total.held} hội nghị với {total.present} đại biểu dự, {total.speakers} lượt phát biểu "
        f"và {total.issues} ý kiến, kiến nghị:",
    )
    table_rows: list[tuple[object, ...]] = []
    for i, row in enumerate(rows, 1):
        f = row.figures
        table_rows.append(
            (
                i,
                row.commune,
                f.held,
                f.present,
                f.speakers,
                f.issues,
                f.outcome("answered"),
                f.outcome("study") + f.outcome("assigned"),
                f.outcome("forwarded"),
                f.replies.on_time,
                f.replies.late + f.replies.overdue,
                pct(CommuneRow(row.commune, f).satisfied_percent),
            )
        )
    table_rows.append(
        (
            "",
            "Tổng cộng",
            total.held,
            total.present,
            total.speakers,
            total.issues,
            total.outcome("answered"),
            total.outcome("study") + total.outcome("assigned"),
            total.outcome("forwarded"),
            total.replies.on_time,
            total.replies.late + total.replies.overdue,
            pct(CommuneRow("", total).satisfied_percent),
        )
    )
    figures_table(
        doc,
        (
            "STT",
            "Đơn vị",
            "Số hội nghị",
            "Đại biểu dự",
            "Lượt phát biểu",
            "Ý kiến",
            "Trả lời tại hội nghị",
            "Giao giải quyết, nghiên cứu",
            "Chuyển cấp trên",
            "Trả lời đúng hạn",
            "Trễ hạn, quá hạn",
            "Hài lòng (%)",
        ),
        table_rows,
        (1.1, 2.7, 1.1, 1.2, 1.3, 1.1, 1.3, 1.4, 1.5, 1.3, 1.3, 1.2),
        size=10,
        header_size=9,  # twelve columns on a portrait page: the longest words must fit
        bold_last=True,
    )
    body(
        doc,
        "Ghi chú: “Hài lòng (%)” là tỷ lệ câu trả lời chọn mức hài lòng cao nhất trên tổng số câu trả lời của các "
        "phiếu lấy ý kiến; “Trễ hạn, quá hạn” gồm ý kiến đã trả lời sau thời hạn và ý kiến quá hạn chưa trả lời.",
    )
    _sections(doc, total, first=2)
    _assessment(doc, total, who="Các đơn vị")
    body(doc, f"Trên đây là báo cáo tổng hợp kết quả tổ chức hội nghị đối thoại cấp xã năm {total.year}./.")
    _sign(doc, heading)
    return doc
