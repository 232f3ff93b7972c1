"""Exports: minutes, conclusion notice, follow-up sheet, JSON."""

from __future__ import annotations

import click

from session.cli import MEETING_ID, Kind, clock, common, desk_id, friendly, main, open_store
from session.i18n import t


@main.command(name="export")
@common
@click.argument(
    "kind",
    type=Kind(
        ["minutes", "conclusion", "followup", "json", "invitation", "announcement", "briefing", "ballot"],
        "cli.help.kind",
    ),
)
@click.option("--meeting", "meeting_id", type=MEETING_ID, required=True, help="cli.opt.meeting.number")
@click.option(
    "--out",
    "out",
    required=True,
    help="cli.opt.export.out",
)
@click.option("--pdf", is_flag=True, help="cli.opt.pdf")
@click.option("--force", is_flag=True, help="cli.opt.force")
@click.option(
    "--date",
    "issued",
    default=None,
    help="cli.opt.export.date",
)
@click.pass_context
@friendly
def export_cmd(
    ctx: click.Context, kind: str, meeting_id: int, out: str, pdf: bool, force: bool, issued: str | None
) -> None:
    """Xuất biên bản, thông báo kết luận, bảng theo dõi (.xlsx), JSON; giấy mời, thông báo trên
    hệ thống truyền thanh (.docx và .txt), báo cáo chuẩn bị cho chủ trì; phiếu lấy ý kiến (để in).

    \b
    LOẠI: minutes (biên bản), conclusion (thông báo kết luận),
          followup (bảng theo dõi), json (toàn bộ dữ liệu),
          invitation (giấy mời), announcement (thông báo truyền thanh),
          briefing (báo cáo cho chủ trì), ballot (phiếu lấy ý kiến)."""
    from exports.run import export, named_target, usual_name
    from session.domain.dates import parse_date
    from session.domain.meeting_details import attendance_missing

    now = clock()()
    day = parse_date(issued) if issued else None
    named_target(out, kind, "")  # a name of another kind of file is refused before anything opens
    store = open_store(ctx)
    try:
        path = named_target(out, kind, usual_name(store, meeting_id, kind))
        unattended = kind in ("minutes", "conclusion") and attendance_missing(store, meeting_id)
        paths = export(
            store,
            meeting_id,
            kind,
            path,
            today=day or now.date(),
            force=force,
            pdf=pdf,
            issued=day,
            at=now,
            actor="office",
            desk=desk_id("office"),
        )
    finally:
        store.close()
    for path in paths:
        click.echo(t("export.written", path=path))
    if unattended:
        click.echo(t("export.no_attendance"), err=True)
