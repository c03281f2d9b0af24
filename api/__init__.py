"""The HTTP API (FastAPI) over a built graph. See ``api.app.create_app``."""
