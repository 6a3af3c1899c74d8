"""A minimal client of Streamlit's websocket protocol, for load tests without a browser.

A session connects to ``/_stcore/stream`` like the browser does, asks for a
page (``rerun_script`` with the page name), reads messages until the script run
has finished, then changes one selectbox (the widget state the browser would
send) and waits for that run to finish. The times are what the server needs to
answer a viewer, including the queueing behind other sessions – not the
browser's drawing (that is measured in Chromium separately).
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState


@dataclass
class SessionTimes:
    open_s: float
    change_s: float


@dataclass
class LoadResult:
    sessions: int
    open_p50: float
    open_p95: float
    change_p50: float
    change_p95: float


class Session:
    """One viewer: its websocket, the page's script hash and the widgets seen so far."""

    def __init__(self, socket) -> None:
        self.socket = socket
        self.page_script_hash = ""
        self.selectboxes: dict[str, tuple[str, list[str]]] = {}  # label -> (id, options)
        self.texts: list[str] = []  # markdown of the last run

    async def run(self, page_name: str, query: str = "", states: list[WidgetState] = ()) -> None:
        message = BackMsg()
        message.rerun_script.query_string = query
        message.rerun_script.page_name = page_name
        message.rerun_script.page_script_hash = self.page_script_hash
        message.rerun_script.widget_states.widgets.extend(states)
        self.texts = []
        await self.socket.send(message.SerializeToString())
        await self._until_finished()

    async def _until_finished(self) -> None:
        while True:
            raw = await self.socket.recv()
            message = ForwardMsg()
            message.ParseFromString(raw)
            kind = message.WhichOneof("type")
            if kind == "navigation":
                self.page_script_hash = message.navigation.page_script_hash
            elif kind == "delta":
                element = message.delta.new_element
                if element.WhichOneof("type") == "markdown":
                    self.texts.append(element.markdown.body)
                elif element.WhichOneof("type") == "selectbox":
                    box = element.selectbox
                    self.selectboxes[box.label] = (box.id, list(box.options))
            elif kind == "script_finished":
                if message.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                    raise RuntimeError(f"script run ended with {message.script_finished}")
                return
            elif kind == "session_event" and message.session_event.HasField(
                "script_compilation_exception"
            ):
                raise RuntimeError("the script raised an exception")

    def choose(self, label: str, option: str) -> WidgetState:
        widget_id, options = self.selectboxes[label]
        if option not in options:
            raise ValueError(f"{option!r} is not an option of {label!r}: {options}")
        state = WidgetState(id=widget_id)
        state.string_value = option
        return state


async def one_session(
    base_url: str,
    page_name: str,
    label: str,
    option: str,
    start: asyncio.Event | None = None,
    expect: str | None = None,
) -> SessionTimes:
    """Open ``page_name``, then set the selectbox ``label`` to ``option``; the two times.

    ``expect``: a text the page must show after the change (proves it took effect).
    """
    ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(
        ws_url, subprotocols=["streamlit"], origin=base_url, max_size=None, open_timeout=120
    ) as socket:
        session = Session(socket)
        if start is not None:
            await start.wait()
        started = time.perf_counter()
        await session.run(page_name)
        opened = time.perf_counter() - started
        started = time.perf_counter()
        await session.run(page_name, states=[session.choose(label, option)])
        changed = time.perf_counter() - started
        if expect is not None and not any(expect in text for text in session.texts):
            raise RuntimeError(f"after the change the page does not show {expect!r}")
        return SessionTimes(opened, changed)


def _p95(values: list[float]) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


async def _load(
    base_url: str, page_name: str, label: str, option: str, n: int, expect: str | None
) -> LoadResult:
    start = asyncio.Event()
    tasks = [
        asyncio.create_task(one_session(base_url, page_name, label, option, start, expect))
        for _ in range(n)
    ]
    await asyncio.sleep(1.0)  # every socket connected
    start.set()
    times = await asyncio.gather(*tasks)
    opens = [t.open_s for t in times]
    changes = [t.change_s for t in times]
    return LoadResult(
        n, statistics.median(opens), _p95(opens), statistics.median(changes), _p95(changes)
    )


def load_test(
    base_url: str, page_name: str, label: str, option: str, n: int, expect: str | None = None
) -> LoadResult:
    """``n`` sessions at once open ``page_name`` and change one selectbox; p50/p95 (s)."""
    return asyncio.run(_load(base_url, page_name, label, option, n, expect))


async def _reruns(base_url: str, page_name: str, query: str, runs: int) -> list[float]:
    ws_url = base_url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(
        ws_url, subprotocols=["streamlit"], origin=base_url, max_size=None, open_timeout=120
    ) as socket:
        session = Session(socket)
        await session.run(page_name, query)
        await session.run(page_name, query)  # warm
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            await session.run(page_name, query)
            timings.append(time.perf_counter() - started)
        return timings


def warm_reruns(base_url: str, page_name: str, query: str = "", runs: int = 7) -> list[float]:
    """Seconds from a rerun request (nothing changed) to the end of the run, ``runs`` times."""
    return asyncio.run(_reruns(base_url, page_name, query, runs))
