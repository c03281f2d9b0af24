"""The ceiling for ``benchmarks/api.py``: FastAPI answering a small dict, nothing else.

Served by uvicorn with the same settings as gmpgraph (one worker, no access log), so the ratio of an
endpoint's req/s to this one's is what gmpgraph's own work costs.
"""

from fastapi import FastAPI

app = FastAPI()


@app.get("/ping")
def ping() -> dict[str, str]:
    return {"status": "ok", "service": "bare"}
