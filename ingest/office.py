"""Word files: DOCX read with python-docx, legacy DOC converted to DOCX by LibreOffice first.

DOCX paragraphs and tables come in document order. A layout table (two columns, a few rows: the
NĐ30 header, the signature block) is read column by column, so the issuer and number come whole
before the motto and date. A data table (appendix tasks, basis lists) is read row by row, one
line per row with its cells separated by a tab, so a task stays beside its lead unit and deadline.

A ``.doc`` must be what Word 97-2003 writes (an OLE2 compound file); other bytes named ``.doc``
(HTML, RTF, random) are refused before LibreOffice sees them, and a DOCX named ``.doc`` is read as
DOCX. LibreOffice runs headless with a fresh profile, no network and a time limit (docs/ocr.md).
"""

import functools
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ingest.errors import ExtractionError
from ingest.records import SourceText

__all__ = ["DOC_TIMEOUT_S", "read_doc", "read_docx"]

DOC_TIMEOUT_S = 120.0
_DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LAYOUT_TABLE = (2, 4)  # at most this many columns and rows: a layout table, read column by column
_INSTALL = "apt-get install libreoffice-writer-nogui"
# The fresh profile: macros off, links to untrusted places blocked, no update check.
_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']/Arguments"><prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def read_docx(path: Path) -> SourceText:
    """Read a DOCX: paragraphs and tables in document order (see the module docstring)."""
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for broken packages
        msg = f"{path}: not a readable DOCX file ({exc.__class__.__name__}: {exc})"
        raise ExtractionError(msg) from exc
    t_tag, br_tags, tab_tag = qn("w:t"), {qn("w:br"), qn("w:cr")}, qn("w:tab")

    def para_text(p: Any) -> str:
        out = []
        for el in p.iter(t_tag, tab_tag, *br_tags):
            out.append(el.text or "" if el.tag == t_tag else "\t" if el.tag == tab_tag else "\n")
        return "".join(out)

    parts: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            parts.append(para_text(child))
        elif child.tag == qn("w:tbl"):
            grid = [
                ["\n".join(para_text(p) for p in cell.iter(qn("w:p"))) for cell in row.findall(qn("w:tc"))]
                for row in child.findall(qn("w:tr"))
            ]
            parts.extend(_table_lines(grid))
    return SourceText(str(path), "\n".join(parts), _DOCX_TYPE)


def _table_lines(grid: list[list[str]]) -> list[str]:
    """A layout table column by column; a data table one line per row, cells split by a tab."""
    width = max((len(r) for r in grid), default=0)
    if width <= _LAYOUT_TABLE[0] and len(grid) <= _LAYOUT_TABLE[1]:
        return [r[col] for col in range(width) for r in grid if col < len(r) and r[col].strip()]
    lines = []
    for row in grid:
        cells = [" ".join(c.split()) for c in row]
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _kind_of(head: bytes) -> str | None:
    """What bytes that are not an OLE2 file look like, for the error."""
    low = head.lstrip().lower()
    if low.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"mime-version")):
        return "HTML/XML (a web page saved with a .doc name)"
    if low.startswith(b"{\\rtf"):
        return "RTF"
    if head.startswith(b"%PDF"):
        return "a PDF"
    return None


@functools.cache
def _netns_prefix() -> tuple[str, ...]:
    """``unshare`` into a new network namespace when the system allows it: no network at all."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    cmd = (unshare, "--net", "--map-root-user")
    try:
        ok = subprocess.run([*cmd, "true"], capture_output=True, timeout=10, check=False).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return cmd if ok else ()


def read_doc(path: Path) -> SourceText:
    """Read a Word 97-2003 ``.doc`` through LibreOffice headless (module docstring)."""
    with path.open("rb") as fh:
        head = fh.read(512)
    if head.startswith(b"PK\x03\x04"):
        st = read_docx(path)
        return SourceText(str(path), st.text, _DOCX_TYPE, ("a DOCX file named .doc",))
    if not head.startswith(_OLE2):
        kind = _kind_of(head)
        msg = f"{path}: not a Word 97-2003 .doc file ({kind or 'its first bytes are not an OLE2 compound file'}); not converted"
        raise ExtractionError(msg)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        msg = f"{path}: .doc files need LibreOffice ({_INSTALL}); or save it as .docx"
        raise ExtractionError(msg)
    with tempfile.TemporaryDirectory(prefix="lineage-doc-") as tmp:
        work = Path(tmp)
        profile = work / "profile" / "user"
        profile.mkdir(parents=True)
        (profile / "registrymodifications.xcu").write_text(_PROFILE, encoding="utf-8")
        src = work / "in.doc"  # a plain name: the user's file name never reaches the command line
        shutil.copyfile(path, src)
        out_dir = work / "out"
        cmd = [
            *_netns_prefix(),
            office,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            "--nologo",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out_dir),
            str(src),
        ]
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(work),
            "LANG": "C.UTF-8",
            "SAL_USE_VCLPLUGIN": "svp",
            # Should anything still try the network, it meets a closed local port.
            **dict.fromkeys(("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"), "http://127.0.0.1:9"),
            "no_proxy": "",
        }
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=work, start_new_session=True
        )
        try:
            _, err = proc.communicate(timeout=DOC_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            msg = f"{path}: LibreOffice did not convert it within {DOC_TIMEOUT_S:g} s and was stopped"
            raise ExtractionError(msg) from None
        out = out_dir / "in.docx"
        if proc.returncode != 0 or not out.exists():
            detail = err.decode(errors="replace").strip().splitlines()
            reason = next((x for x in detail if "javaldx" not in x), "no output")
            msg = f"{path}: LibreOffice could not convert it ({reason[:200]})"
            raise ExtractionError(msg)
        st = read_docx(out)
    return SourceText(str(path), st.text, "application/msword", st.warnings)
