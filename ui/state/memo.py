"""Prepared frames and chart specs, computed once per data revision and viewer's choice.

The catalogs are shared by every session and stay the same object until the
data revision changes (:mod:`ui.state.data`). So a pure function of datasets,
their frames and the viewer's choices can be remembered by the *identity* of
those objects and the *value* of everything else: a rerun with the same choices
gets the same objects back – and a function fed those objects hits again, so a
chain (view → chart spec) is computed once. A new revision brings new catalog
objects, hence new keys; old entries age out (least recently used first).

This is ``st.cache_data`` without hashing or copying whole frames on every call:
hashing and unpickling the Benchmark page's ~60 frames per rerun cost about as
much as computing them. The price is the rule that results are read-only –
callers derive new frames and never assign into a returned one (pandas'
copy-on-write keeps derived frames' changes off the original).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

import altair as alt
import pandas as pd

from hedensted.core.catalog import Catalog, Dataset

P = ParamSpec("P")
R = TypeVar("R")

MAX_ENTRIES = 2048
# Objects remembered by identity: the shared catalog's objects and what memoised
# functions return from them (a frame built per run simply misses).
BY_IDENTITY = (pd.DataFrame, pd.Series, Dataset, Catalog, alt.TopLevelMixin)

# Functions that read or write the database (or today's date) are never remembered.
NOT_REMEMBERED = ("hedensted.monthly", "hedensted.importing")


@dataclass(frozen=True, eq=False)
class ByContent:
    """A frame remembered by its values, not its identity: for a small frame derived
    anew on every run (a filtered slice of the goal register), whose results are
    still the same for the same rows. The digest of its pickle costs about 1 ms for the
    173 goals (pandas' own row hashing 6 ms for ten); equal frames built differently
    may pickle differently, which only costs a miss."""

    frame: pd.DataFrame
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        pickled = pickle.dumps(self.frame, protocol=pickle.HIGHEST_PROTOCOL)
        object.__setattr__(self, "digest", hashlib.sha1(pickled).hexdigest())


_lock = threading.Lock()
_entries: OrderedDict[Hashable, tuple[tuple[Any, ...], Any]] = OrderedDict()


class _Unkeyable(Exception):
    pass


def _key_part(value: Any) -> Hashable:
    if isinstance(value, ByContent):
        return ("content", value.digest)
    if isinstance(value, BY_IDENTITY):
        return ("id", id(value))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_key_part(item) for item in value))
    if isinstance(value, (set, frozenset)):
        return ("set", frozenset(_key_part(item) for item in value))
    if isinstance(value, dict):
        return ("dict", tuple(sorted((k, _key_part(v)) for k, v in value.items())))
    try:
        hash(value)
    except TypeError as error:
        raise _Unkeyable from error
    return value


def _held(values: Any) -> tuple[Any, ...]:
    """The identity-keyed objects, kept alive with the entry so their ids stay theirs."""
    found: list[Any] = []

    def visit(value: Any) -> None:
        if isinstance(value, (*BY_IDENTITY, ByContent)):
            found.append(value)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    visit(values)
    return tuple(found)


def memo(function: Callable[P, R]) -> Callable[P, R]:
    """Remember ``function``'s results (see the module doc); unkeyable calls just run."""
    # The line tells apart lambdas and nested functions of the same name; a page script
    # defines its functions anew on every run, so the name, not the object, is the key.
    code = getattr(function, "__code__", None)
    line = code.co_firstlineno if code is not None else 0
    name = f"{function.__module__}.{function.__qualname__}:{line}"

    @functools.wraps(function)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
        held = _held((args, kwargs))
        if not held:  # no frame, dataset or chart: cheap, not worth an entry
            return function(*args, **kwargs)
        try:
            key = (name, _key_part(args), _key_part(kwargs))
        except _Unkeyable:
            return function(*args, **kwargs)
        with _lock:
            found = _entries.get(key)
            if found is not None:
                _entries.move_to_end(key)
                return found[1]
        result = function(*args, **kwargs)
        with _lock:
            _entries[key] = (held, result)
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
        return result

    return remembered


def clear() -> None:
    """Forget everything (tests)."""
    with _lock:
        _entries.clear()


@memo
def _chart_spec(builder: Callable[..., alt.TopLevelMixin], args: tuple, kwargs: dict) -> dict:
    return builder(*args, **kwargs).to_dict(validate=False)


def chart_spec(builder: Callable[..., alt.TopLevelMixin], *args: Any, **kwargs: Any) -> dict:
    """The Vega-Lite spec of ``builder(*args, **kwargs)``, built once per revision and choice.

    Hand it to ``ui.widgets.components.chart`` like an Altair chart.
    """
    return _chart_spec(builder, args, kwargs)


class _Memoized:
    """A module whose functions are remembered (see :func:`memoized`)."""

    def __init__(self, module: Any, specs: bool) -> None:
        self._module = module
        self._specs = specs
        self._wrapped: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name in self._wrapped:
            return self._wrapped[name]
        value = getattr(self._module, name)
        if inspect.isfunction(value):
            if self._specs:
                builder = value

                def spec(*args: Any, **kwargs: Any) -> dict:
                    return chart_spec(builder, *args, **kwargs)

                value = functools.wraps(builder)(spec)
            else:
                value = memo(value)
        self._wrapped[name] = value
        return value


def memoized(module: Any, specs: bool = False) -> Any:
    """``module`` with every function remembered by :func:`memo`; classes and constants as is.

    ``specs=True`` for a module of chart builders: each returns the remembered
    Vega-Lite spec (a dict ``ui.widgets.components.chart`` draws) instead of the chart.
    """
    return _Memoized(module, specs)


def headline_tiles(catalog: Catalog, reference: str) -> dict[str, Any]:
    """The four headline tiles (Forside, Benchmark), computed; remember with :func:`memo`."""
    from hedensted.front_page.kpis import headline_kpis
    from ui.widgets.components import computed_kpis

    return computed_kpis(headline_kpis(catalog, reference))


@memo
def spec_of(figure: alt.TopLevelMixin) -> dict:
    """``figure``'s Vega-Lite spec, converted once per chart object (unvalidated)."""
    return figure.to_dict(validate=False)


def remember_domain_functions(namespace: dict[str, Any]) -> None:
    """Remember every ``hedensted`` function imported into a module (call after its imports).

    The domain package's functions are pure; a section module that calls them by
    name then gets the same frames – and, through :func:`spec_of`, the same chart
    specs – on every rerun with the same data revision and choices.
    """
    for name, value in list(namespace.items()):
        if (
            inspect.isfunction(value)
            and not inspect.isgeneratorfunction(value)
            and value.__module__.startswith("hedensted.")
            and not value.__module__.startswith(NOT_REMEMBERED)
            and not hasattr(value, "__wrapped__")
        ):
            namespace[name] = memo(value)
