"""Other screens on the same meeting: the hall display and the registration desk."""

from __future__ import annotations

import click

from session.cli import MEETING_ID, Whole, common, friendly, main, meeting_or_latest, open_store, run_app
from session.i18n import t


@main.command()
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.current")
@click.option("--serve", is_flag=True, help="cli.opt.display.serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="cli.opt.display.host",
)
@click.option("--port", default=8000, show_default=True, type=Whole(1, 65535), help="cli.opt.display.port")
@click.option(
    "--public-url",
    default=None,
    help="cli.opt.display.public_url",
)
@click.pass_context
@friendly
def display(
    ctx: click.Context, meeting_id: int | None, serve: bool, host: str, port: int, public_url: str | None
) -> None:
    """Màn hình hội trường (chỉ xem, chữ lớn) cho máy chiếu hoặc màn hình thứ hai.

    Với --serve: mở cùng màn hình đó trong trình duyệt, tại http://127.0.0.1:8000;
    thêm --host 0.0.0.0 để máy chiếu trong mạng LAN mở được."""
    store = open_store(ctx)
    meeting_id = meeting_or_latest(store, meeting_id)
    if not serve:
        run_app(store, meeting_id, mode="display")
        return
    from session.domain.meetings import meeting_view
    from session.i18n import language
    from session.web_display import check_public_url, lan_addresses, serve_display

    public_url = check_public_url(public_url)
    title = meeting_view(store, meeting_id).title
    url = store.url
    store.close()
    # Listening everywhere: say the addresses a projector can use, not 0.0.0.0.
    everywhere = host in ("0.0.0.0", "::", "")
    lan = lan_addresses() if everywhere and public_url is None else []
    shown = "127.0.0.1" if everywhere else f"[{host}]" if ":" in host else host
    urls = [public_url] if public_url else [f"http://{a}:{port}" for a in lan] or [f"http://{shown}:{port}"]
    click.echo(t("serve.started", url=urls[0]))
    for other in urls[1:]:
        click.echo(t("serve.lan", url=other))
    serve_display(url, meeting_id, language(), host, port, title, public_url)


@main.command()
@common
@click.option("--meeting", "meeting_id", type=MEETING_ID, default=None, help="cli.opt.meeting.current")
@click.pass_context
@friendly
def desk(ctx: click.Context, meeting_id: int | None) -> None:
    """Bộ phận đăng ký phát biểu: phiếu đăng ký, nhập danh sách, danh sách chờ."""
    store = open_store(ctx)
    run_app(store, meeting_or_latest(store, meeting_id), mode="desk")
