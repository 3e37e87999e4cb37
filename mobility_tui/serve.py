"""`mobility-tui serve`: the same app in a browser, through textual-serve.

Each browser tab gets its own app process (textual-serve starts one per connection) in the
language the browser asks for (Accept-Language) unless `--lang` was given, on the same database
as the server. The page is our own template: nothing is loaded from the internet. Loopback only
unless --allow-remote; there is no login, so keep it on loopback or behind the office's proxy.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import shlex
import sys
from pathlib import Path

from mobility_tui import i18n
from mobility_tui.i18n import _

TEMPLATES = Path(__file__).parent / "web" / "templates"


def browser_language(header: str | None, fallback: str) -> str:
    """The first of fi, sv, en the browser's Accept-Language names (weights respected)."""
    choices = []
    for position, part in enumerate((header or "").split(",")):
        tag, _sep, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        code = tag.strip().lower().split("-")[0]
        if code in i18n.LANGUAGES and weight > 0:
            choices.append((-weight, position, code))
    return min(choices)[2] if choices else fallback


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(language: str, database_url: str | None) -> str:
    parts = [sys.executable, "-m", "mobility_tui", "--lang", language]
    if database_url:
        parts += ["--database-url", database_url]
    return shlex.join(parts)


def run_server(args: argparse.Namespace) -> int:
    from mobility_tui.cli.commands import open_reader
    from mobility_tui.cli.output import notice

    if not is_loopback(args.host) and not args.allow_remote:
        notice(_("mobility-tui serve: {host} is not this machine; there is no login, so serving "
                 "beyond it needs --allow-remote (better: keep 127.0.0.1 behind the office's "
                 "reverse proxy).").format(host=args.host))
        return 2
    if not is_loopback(args.host):
        notice(_("Warning: serving on {host} without any login: everyone who can reach this "
                 "address can use the app.").format(host=args.host))
    open_reader(args).close()  # build the embedded database once, here, not in every tab
    server = make_server(args.host, args.port, args.lang, args.database_url)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    notice(_("Stopped serving."))
    return 0


def make_server(host: str, port: int, language: str | None, database_url: str | None):
    import textual_serve
    from aiohttp import WSMsgType, web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    statics = Path(textual_serve.__file__).parent / "static"
    default_language = language or i18n.current_language()

    class MobilityServer(Server):
        """textual-serve with our page, one language per tab, and a quiet console."""

        def initialize_logging(self) -> None:
            import logging

            logging.basicConfig(level=logging.WARNING, format="%(message)s")

        async def on_startup(self, app: web.Application) -> None:
            print(_("Serving mobility-tui on {url}; press Ctrl+C to stop.").format(
                url=self.public_url), file=sys.stderr, flush=True)

        async def handle_index(self, request: web.Request):
            import aiohttp_jinja2

            lang = language or browser_language(request.headers.get("Accept-Language"),
                                                default_language)
            router = request.app.router
            base = self.public_url
            # textual.js appends "?width=…&height=…" to this address: it must carry no query of its
            # own. The tab's language comes from the same Accept-Language header on the socket.
            websocket = f"{base}{router['websocket'].url_for()}"
            websocket = ("wss:" if base.startswith("https") else "ws:") + websocket.split(":", 1)[1]
            previous = i18n.current_language()
            i18n.set_language(lang)
            try:
                texts = {"starting": _("Starting mobility-tui…"), "ended": _("The session ended."),
                         "restart": _("Start again")}
            finally:
                i18n.set_language(previous)
            context = {
                "lang": lang, "texts": texts,
                "font_size": to_int(request.query.get("fontsize", "16"), 16),
                "app_websocket_url": websocket,
                "config": {"static": {"url": f"{base}{router['static'].url_for(filename='/')}"
                                      .rstrip("/") + "/"}},
                "application": {"name": "mobility-tui"},
            }
            return aiohttp_jinja2.render_template("app_index.html", request, context)

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            import asyncio

            lang = language or browser_language(request.headers.get("Accept-Language"),
                                                default_language)
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            service = None
            try:
                await websocket.prepare(request)
                service = AppService(app_command(lang, database_url),
                                     write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                     close=websocket.close,  # type: ignore[arg-type]
                                     download_manager=self.download_manager,
                                     debug=False)
                await service.start(width, height)
                await relay(websocket, service)
            except asyncio.CancelledError:
                await websocket.close()
            finally:
                if service is not None:
                    await service.stop()
            return websocket

    async def relay(websocket, service) -> None:
        """The browser's messages to the app process, through AppService's public methods
        (textual.js sends ["stdin", text], ["resize", {width, height}], ["ping", x], ["blur"],
        ["focus"])."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            envelope = message.json()
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(to_int(str(data.get("width")), 80),
                                                to_int(str(data.get("height")), 24))
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    os.environ.setdefault("TEXTUAL_SERVE", "1")
    return MobilityServer(app_command(default_language, database_url), host=host, port=port,
                          title="mobility-tui", statics_path=statics, templates_path=TEMPLATES)
