"""``gmpgraph serve``: the HTTP API (``api.app``) under uvicorn."""

from __future__ import annotations

import errno
import os
import socket
from typing import Annotated

import typer
from rich.markup import escape

from gmpgraph.cli.common import DEFAULT_GRAPH, EXIT_FAILED, EXIT_USAGE, GraphOption, ReviewsOption, err, load_or_exit

commands = typer.Typer()


@commands.command()
def serve(
    graph: GraphOption = DEFAULT_GRAPH,
    host: Annotated[str, typer.Option(help="Interface to listen on; 127.0.0.1 keeps it on this machine."
                                      )] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    cors: Annotated[list[str] | None, typer.Option("--cors-origin", help="Allow this browser origin (CORS); "
                                                   "repeat for more. Off by default.")] = None,
    write_token_env: Annotated[str | None, typer.Option(
        "--write-token-env", metavar="VAR", help="Enable write mode: POST /documents adds a report when it bears "
                                                 "the token held in this environment variable, and the graph file "
                                                 "is saved after each. Off by default (read-only).")] = None,
    max_body_mb: Annotated[float, typer.Option("--max-body-mb", min=0.001, help="Refuse request bodies larger "
                                                                               "than this (413).")] = 16.0,
    time_limit: Annotated[float, typer.Option("--time-limit", min=0.1, help="Stop requests running longer than "
                                                                           "this many seconds (503).")] = 30.0,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Worker processes, each with its own "
                                         "copy of the graph (read-only mode only).")] = 1,
    reviews: ReviewsOption = None,
) -> None:
    """Serve the graph over HTTP (FastAPI + uvicorn), read-only unless a write token is set; docs at /docs.

    Answers are computed once per graph version and kept (with ETags); the common ones at start-up.
    Each worker holds the whole graph in memory (the corpus graph: about 150 MB per worker).

    Example:  gmpgraph serve --graph graph.json --port 8000   then open http://127.0.0.1:8000/docs
    More cores:  gmpgraph serve --graph graph.json --workers 2
    Write mode:  GMPGRAPH_WRITE_TOKEN=$(openssl rand -hex 16) gmpgraph serve --write-token-env GMPGRAPH_WRITE_TOKEN
    Review page:  http://127.0.0.1:8000/review (recording decisions needs write mode's token)
    """
    import uvicorn

    from api.app import create_app
    from gmpgraph.graphfile import remove_stale_temporaries

    token = None
    if write_token_env:
        token = os.environ.get(write_token_env)
        if not token:
            err.print(f"[red]error:[/] --write-token-env {write_token_env}: that environment variable is empty or unset")
            raise typer.Exit(EXIT_USAGE)
        if workers > 1:
            err.print("[red]error:[/] write mode needs one worker (--workers 1): each worker holds its own copy of "
                      "the graph, and a write to one would not reach the others")
            raise typer.Exit(EXIT_USAGE)
        for stale in remove_stale_temporaries(graph):
            err.print(f"removed {escape(str(stale))}, left by an interrupted save")
    mode = "read-write (token required)" if token else "read-only"
    if workers > 1:
        load_or_exit(graph)  # a clear error here, not one per worker
        _listen(host, port).close()  # a busy port said plainly, before the workers start
        os.environ.update({"GMPGRAPH_GRAPH": str(graph), "GMPGRAPH_CORS_ORIGINS": ",".join(cors or []),
                           "GMPGRAPH_TIME_LIMIT": str(time_limit), "GMPGRAPH_MAX_BODY": str(int(max_body_mb * 1e6))})
        os.environ.pop("GMPGRAPH_WRITE_TOKEN", None)
        err.print(f"serving {graph} {mode} on http://{host}:{port} with {workers} workers (docs at /docs)")
        uvicorn.run("api.app:app_from_settings", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", access_log=False)
        return
    store = load_or_exit(graph)
    sock = _listen(host, port)  # bound before saying "serving", so a busy port is the only message
    err.print(f"serving {graph} {mode} on http://{host}:{port} (docs at /docs)")
    from gmpgraph.review.decisions import default_reviews

    app = create_app(store, cors or [], write_token=token, graph_path=graph if token else None,
                     max_body=int(max_body_mb * 1_000_000), time_limit=time_limit,
                     reviews_path=reviews or default_reviews(graph))
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    server.run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or exit 1 saying the port is taken (or the address is not this
    machine's) and what to do."""
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        # proto IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off only on sockets that say they are TCP; with
        # proto 0 every answer on a kept-alive connection waited 40 ms for the client's delayed ACK
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            reason = f"port {port} on {host} is already in use (another server?); stop it or choose another " \
                     f"port, e.g. --port {port + 1 if port < 65535 else 8000}"
        else:
            reason = f"cannot listen on {host}:{port} ({exc.strerror or exc}); give --host an address of this " \
                     "machine, e.g. 127.0.0.1"
        err.print(f"[red]error:[/] {escape(reason)}")
        raise typer.Exit(EXIT_FAILED) from None
    sock.set_inheritable(True)
    return sock
