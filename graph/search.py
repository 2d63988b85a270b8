"""Finding documents as users name them: by number, title words or issuer, and keys from bare numbers.

Users type ``57-NQ/TW``; the graph's key is ``57-NQ/TW@VN@2024`` (symbol, issuer's scope, year).
``search_documents`` ranks the documents a text names; ``resolve_document`` turns a key, or a
number that names exactly one document, into its key, and otherwise fails with the candidates
("did you mean …").
"""

import difflib
from typing import Any, Protocol

import networkx as nx

from graph.errors import NodeNotFound
from graph.identity import number_key
from ingest.gazetteer import fold

__all__ = ["KeyLookup", "number_matches", "resolve_document", "search_documents"]

SEARCHED_FIELDS = ("number", "doc_type", "issuer", "title", "province", "locality")
SUGGESTIONS = 10


def _symbol(text: str) -> str:
    """The symbol part of a key or number as typed (``57-NQ/TW@VN@2025`` → ``57-NQ/TW``)."""
    return text.strip().split("@", 1)[0].strip()


def number_matches(G: nx.MultiDiGraph, text: str) -> list[str]:
    """Keys of the documents whose number is the one ``text`` gives (``05/kh-ubnd`` = ``5/KH-UBND``),
    ingested documents first, then by key."""
    symbol = _symbol(text)
    if not symbol:
        return []
    wanted = number_key(symbol)
    found = [n for n, a in G.nodes(data=True) if a.get("number") and number_key(a["number"]) == wanted]
    return sorted(found, key=lambda n: (G.nodes[n].get("status") != "ingested", n))


def search_documents(
    G: nx.MultiDiGraph, text: str, *, include_cited: bool = True, limit: int | None = None
) -> list[str]:
    """Keys of the documents ``text`` names, best first: those whose number it is, then those whose
    number, type, issuer, title, province or key hold every word of it (case and diacritics
    ignored); ingested before cited only, newer before older.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("57-NQ/TW@VN@2024", number="57-NQ/TW", issuer="Bộ Chính trị", status="cited")
    >>> G.add_node("file:1", title="Kế hoạch thực hiện Nghị quyết 57", issuer="UBND tỉnh", status="ingested")
    >>> search_documents(G, "57-nq/tw")
    ['57-NQ/TW@VN@2024']
    >>> search_documents(G, "ke hoach 57")
    ['file:1']
    """
    words = fold(text).split()
    if not words:
        return []
    exact = set(number_matches(G, text))
    found: list[tuple[tuple[Any, ...], str]] = []
    for n, a in G.nodes(data=True):
        if a.get("status") != "ingested" and not include_cited:
            continue
        if n not in exact:
            hay = fold(" ".join(str(a.get(f) or "") for f in SEARCHED_FIELDS) + " " + n)
            padded = f" {hay} "
            if not all(f" {w} " in padded or (len(w) > 2 and w in hay) for w in words):
                continue
        rank = (n not in exact, a.get("status") != "ingested", _newest_first(a.get("date")), n)
        found.append((rank, n))
    found.sort()
    keys = [n for _, n in found]
    return keys if limit is None else keys[:limit]


def _newest_first(date: str | None) -> str:
    """A sort key putting later dates first and undated documents last."""
    if not date:
        return "~"
    return "".join(chr(ord("9") - int(c) + ord("0")) if c.isdigit() else c for c in date)


class KeyLookup(Protocol):
    """What resolving a typed name needs from a store, without a graph view (``SQLiteReader``)."""

    def has_node(self, key: str) -> bool: ...
    def number_matches(self, symbol: str) -> list[str]: ...
    def keys_like(self, prefix: str, limit: int) -> list[str]: ...


def resolve_document(G: "nx.MultiDiGraph | KeyLookup", text: str) -> str:
    """The key ``text`` means: a key of the graph, or a number (no ``@``) that exactly one document
    bears.

    Otherwise ``NodeNotFound`` whose message lists what it could mean ("did you mean …"): the
    documents of that number, else those a search finds (in a graph view) or keys beginning with
    the same symbol (through a store's ``KeyLookup``), else keys spelled alike.
    """
    if G.has_node(text):
        return text
    if isinstance(G, nx.MultiDiGraph):
        numbered = number_matches(G, text)
    else:
        symbol = _symbol(text)
        numbered = G.number_matches(symbol) if symbol else []
    if len(numbered) == 1 and "@" not in text:  # a mistyped key is shown what it may be, not taken
        return numbered[0]
    if len(numbered) > 1:
        msg = f"{text!r} is the number of {len(numbered)} documents; give one of their keys: " + _listing(
            numbered
        )
        raise NodeNotFound(msg)
    if isinstance(G, nx.MultiDiGraph):
        candidates = (
            numbered
            or search_documents(G, text, limit=SUGGESTIONS)
            or difflib.get_close_matches(text, [str(n) for n in G.nodes], n=SUGGESTIONS, cutoff=0.6)
        )
    else:
        candidates = numbered or (G.keys_like(_symbol(text), SUGGESTIONS) if _symbol(text) else [])
    msg = f"{text!r} is neither a document key nor an ingested file"
    if candidates:
        msg += "; did you mean " + _listing(candidates)
    else:
        msg += " (`lineage search TEXT` finds documents by number, title words or issuer)"
    raise NodeNotFound(msg)


def _listing(keys: list[str]) -> str:
    shown = ", ".join(keys[:SUGGESTIONS])
    more = len(keys) - SUGGESTIONS
    return shown + (f" … and {more} more (`lineage search` lists them)" if more > 0 else "")
