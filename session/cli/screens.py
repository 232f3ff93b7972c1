"""Other screens on the same meeting: the hall display and the registration desk."""

from __future__ import annotations

import click

from session.cli import common, friendly, main, meeting_or_latest, open_store, run_app
from session.i18n import t


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Meeting (default: the one in session).")
@click.option("--serve", is_flag=True, help="Serve the display to a browser (needs the `serve` extra).")
@click.option("--host", default="localhost", show_default=True, help="With --serve: address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="With --serve: port.")
@click.pass_context
@friendly
def display(ctx: click.Context, meeting_id: int | None, serve: bool, host: str, port: int) -> None:
    """Màn hình hội trường (chỉ xem, chữ lớn) cho máy chiếu hoặc màn hình thứ hai.

    Với --serve: mở cùng màn hình đó trong trình duyệt, tại http://localhost:8000."""
    store = open_store(ctx)
    meeting_id = meeting_or_latest(store, meeting_id)
    if not serve:
        run_app(store, meeting_id, mode="display")
        return
    from session.domain.meetings import meeting_view
    from session.i18n import language
    from session.web_display import serve_display

    title = meeting_view(store, meeting_id).title
    url = store.url
    store.close()
    click.echo(t("serve.started", url=f"http://{host}:{port}"))
    serve_display(url, meeting_id, language(), host, port, title)


@main.command()
@common
@click.option("--meeting", "meeting_id", type=int, default=None, help="Meeting (default: the one in session).")
@click.pass_context
@friendly
def desk(ctx: click.Context, meeting_id: int | None) -> None:
    """Bộ phận đăng ký phát biểu: phiếu đăng ký, nhập danh sách, danh sách chờ."""
    store = open_store(ctx)
    run_app(store, meeting_or_latest(store, meeting_id), mode="desk")
