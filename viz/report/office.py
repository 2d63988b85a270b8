"""Who issues and signs a province report: the office record, read from a TOML settings file.

The DOCX (and the HTML header) is laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I asks: the parent
body over the issuing body, the number ``Số: …/BC-…``, the place and date, the recipients
(``Nơi nhận``) and the signer's authority, title and name. None of these can be read from the
documents, so they come from the office (``lineage report --settings office.toml``, example in
``docs/office.example.toml``). What the office leaves out is printed as a dotted placeholder to
fill in, never an invented body or signer.
"""

import datetime as dt
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from ontology.errors import LineageError

__all__ = [
    "BLANK",
    "SETTINGS_ENV",
    "OfficeSettings",
    "SettingsError",
    "load_office_settings",
    "office_from_env",
    "office_overrides",
]

BLANK = "…………"  # a placeholder the office fills in (printed as a dotted line)
SETTINGS_ENV = "LINEAGE_OFFICE_SETTINGS"  # the settings file of the API's DOCX and HTML reports


class SettingsError(LineageError, ValueError):
    """A settings file that cannot be read: names the file and the key."""


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """The office that issues a report and the official who signs it (all optional).

    - ``parent_body``: the governing body, printed above the issuing body (``ỦY BAN NHÂN DÂN
      THÀNH PHỐ HẢI PHÒNG``); ``""`` for a body that has none (the provincial People's Committee),
      unset a placeholder; ``issuing_body`` the issuing body, bold, ruled under (``SỞ NỘI VỤ``).
    - ``number`` and ``symbol``: ``Số: <number>/<symbol>``; the number is usually left blank for
      the clerk (văn thư) to fill when the report is registered.
    - ``place`` and ``date``: ``<place>, ngày … tháng … năm …``; the place defaults to the
      province's name, the date is left to fill at signing unless given.
    - ``authority``: the lines above the title (``TM. ỦY BAN NHÂN DÂN``, ``KT. CHỦ TỊCH``);
      ``signer_title`` (``PHÓ CHỦ TỊCH``) and ``signer_name`` below the space for the signature.
    - ``recipients``: the ``Nơi nhận`` lines (``- Như trên;`` … ``- Lưu: VT, …``).
    - ``opening``: the opening sentence (``{province}`` and ``{as_of}`` are filled in);
      ``findings`` and ``proposals``: the paragraphs of "Tồn tại, hạn chế" and "Kiến nghị"
      (default: the largest gaps, and dotted lines to fill).

    ``{province}`` in any text is replaced by the province's name (``thành phố Hải Phòng``), so one
    file serves every province.
    """

    parent_body: str | None = None
    issuing_body: str = ""
    number: str = ""
    symbol: str = ""
    place: str = ""
    date: dt.date | None = None
    authority: tuple[str, ...] = ()
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()
    opening: str = ""
    findings: tuple[str, ...] = ()
    proposals: tuple[str, ...] = ()

    @property
    def symbol_text(self) -> str:
        """``BC-SNV``; a placeholder ``BC-…`` when unset."""
        return self.symbol or "BC-…"


_LISTS = {"authority", "recipients", "findings", "proposals"}
KEYS = tuple(f.name for f in fields(OfficeSettings))


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def _date(value: object, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value.strip())
        try:
            if m:
                return dt.date(int(m[3]), int(m[2]), int(m[1]))
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    msg = f"{where}: 'date' must be a date (2026-12-03 or \"03/12/2026\"), not {value!r}"
    raise SettingsError(msg)


def _record(table: dict[str, Any], where: str) -> dict[str, Any]:
    """The checked values of a settings table: known keys, strings or lists of strings, a date."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            msg = f"{where}: unknown key {key!r}; expected one of {', '.join(KEYS)}"
            raise SettingsError(msg)
        if key == "date":
            out[key] = None if value in ("", None) else _date(value, where)
        elif key in _LISTS:
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
                msg = f"{where}: {key!r} must be a list of strings, not {value!r}"
                raise SettingsError(msg)
            out[key] = tuple(_nfc(v) for v in items if _nfc(v))
        elif isinstance(value, str):
            out[key] = _nfc(value)
        else:
            msg = f"{where}: {key!r} must be a string, not {value!r}"
            raise SettingsError(msg)
    return out


def load_office_settings(path: Path) -> OfficeSettings:
    """The settings in ``path`` (TOML): the keys of :class:`OfficeSettings` at the top level or in
    an ``[office]`` table. An unreadable file, an unknown key or a wrong type is a
    :class:`SettingsError` naming the file and the key."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        msg = f"{path}: cannot read the settings file: {exc.strerror or exc}"
        raise SettingsError(msg) from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        msg = f"{path}: not a TOML settings file: {exc}"
        raise SettingsError(msg) from exc
    table = data.get("office", data) if isinstance(data.get("office"), dict) else data
    if table is not data and len(data) > 1:
        extra = next(k for k in data if k != "office")
        msg = f"{path}: unknown key {extra!r} outside [office]; expected one of {', '.join(KEYS)}"
        raise SettingsError(msg)
    return OfficeSettings(**_record(table, str(path)))


def office_overrides(settings: OfficeSettings, pairs: list[str] | tuple[str, ...]) -> OfficeSettings:
    """``settings`` with ``KEY=VALUE`` pairs (command-line options) applied; a list key takes its
    lines separated by ``|``."""
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            msg = f"--office {pair!r}: expected KEY=VALUE with KEY one of {', '.join(KEYS)}"
            raise SettingsError(msg)
        key = key.strip()
        values[key] = value.split("|") if key in _LISTS else value
    return replace(settings, **_record(values, "--office"))


def office_from_env() -> OfficeSettings:
    """The settings in the file ``$LINEAGE_OFFICE_SETTINGS`` names (the API's reports), or none."""
    path = os.environ.get(SETTINGS_ENV, "").strip()
    return load_office_settings(Path(path)) if path else OfficeSettings()
