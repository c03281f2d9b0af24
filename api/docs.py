"""The API's documentation pages, served with their own assets: no CDN, so they work offline.

Swagger UI and ReDoc come from the ``fastapi-offline`` package, which ships their JavaScript and CSS
(chosen because it is a small, maintained bundle of exactly these two, MIT licensed); gmpgraph serves
the files under ``/static-docs`` and writes the two pages with FastAPI's own helpers pointed at them,
ReDoc without Google Fonts, and with the one image its bundle fetches from a CDN (its "powered by" logo)
replaced by an inline blank, so the page asks nothing of any other host.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import fastapi_offline
from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

STATIC_URL = "/static-docs"
ASSETS = Path(fastapi_offline.__file__).parent / "static"
REDOC_CDN_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"
BLANK_IMAGE = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@cache
def redoc_bundle() -> bytes:
    """ReDoc's standalone bundle with its CDN logo replaced by an inline blank image.

    >>> REDOC_CDN_LOGO in redoc_bundle()
    False
    """
    return (ASSETS / "redoc.standalone.js").read_bytes().replace(REDOC_CDN_LOGO, BLANK_IMAGE)


def add_offline_docs(app: FastAPI) -> None:
    """Serve ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc) from local assets."""
    @app.get(f"{STATIC_URL}/redoc.standalone.js", include_in_schema=False)
    async def redoc_js() -> Response:  # matched before the mount below
        return Response(redoc_bundle(), media_type="text/javascript",
                        headers={"cache-control": "public, max-age=86400"})

    app.mount(STATIC_URL, StaticFiles(directory=ASSETS), name="static-docs")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=openapi_url, title=f"{app.title} - Swagger UI",
                                   swagger_js_url=f"{STATIC_URL}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{STATIC_URL}/swagger-ui.css",
                                   swagger_favicon_url=f"{STATIC_URL}/favicon.png")

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=openapi_url, title=f"{app.title} - ReDoc",
                              redoc_js_url=f"{STATIC_URL}/redoc.standalone.js",
                              redoc_favicon_url=f"{STATIC_URL}/favicon.png", with_google_fonts=False)
