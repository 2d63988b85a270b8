#!/usr/bin/env python3
"""Regenerate the non-plain-text files of the extraction test corpus.

The documents below are written inline (SOURCES, at the end of this file) in a
small sectioned format and rendered to:

* .docx  - python-docx; the header is a borderless 2-column table (left: issuing
           body + number, right: national motto / Party name + place and date),
           like real Word originals; the Nơi nhận / signature block is a second
           2-column table;
* .pdf   - fpdf2 with the DejaVu fonts, with a real text layer;
* .html  - a full provincial-portal page (menu, breadcrumb, posting line,
           sidebar, footer) around the document body;
* .txt   - re-encoded plain text: UTF-16 (with BOM), Windows-1258 (tone marks as
           combining characters, as Windows produces) and legacy TCVN3 (ABC).

Usage (python-docx and fpdf2 must be importable):
    python3 build_binaries.py            # writes the files next to this script
    python3 build_binaries.py --check    # rebuild into a temporary folder only
    python3 build_binaries.py --verify-gold   # gold.jsonl vs the documents
                                              # (needs pypdfium2 for the PDFs)

Section markers of a source: @site (html only: key=value lines), @left,
@right, @body, @nn (Nơi nhận), @sig (signature), @body2 (annex after a page
break), @footer (html only).  In body lines, "## x" is a centred bold line,
"**x**" a bold paragraph and "_x_" an italic paragraph.  Sources whose name ends
in .txt.src are plain text and are only re-encoded.
"""
import html
import os
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


# --------------------------------------------------------------------------
# source parsing
# --------------------------------------------------------------------------
def parse(src):
    sec = {}
    cur = None
    for line in src.split("\n"):
        if line.startswith("@") and line[1:].strip().isalnum():
            cur = line[1:].strip()
            sec[cur] = []
            continue
        if cur is None:
            continue
        sec[cur].append(line)
    for k in sec:
        while sec[k] and not sec[k][-1].strip():
            sec[k].pop()
    if "site" in sec:
        sec["site"] = dict(l.split("=", 1) for l in sec["site"] if "=" in l)
    return sec


def line_kind(line):
    if line.startswith("## "):
        return "title", line[3:]
    if line.startswith("**") and line.endswith("**") and len(line) > 4:
        return "bold", line[2:-2]
    if line.startswith("_") and line.endswith("_") and len(line) > 2:
        return "italic", line[1:-1]
    return "text", line


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------
def build_docx(sec, out):
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Times New Roman"
    st.font.size = Pt(13)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    s = doc.sections[0]
    s.page_height, s.page_width = Cm(29.7), Cm(21.0)
    s.left_margin, s.right_margin = Cm(3.0), Cm(2.0)
    s.top_margin, s.bottom_margin = Cm(2.0), Cm(2.0)

    def cell_lines(cell, lines, sig=False):
        cell.paragraphs[0].text = ""
        for i, ln in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            left = sig and ln.startswith(("Nơi nhận", "-"))
            p.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(ln)
            if sig:
                r.font.size = Pt(11) if ln.startswith("-") else Pt(12)
                r.bold = not ln.startswith("-")
                r.italic = ln.startswith("Nơi nhận")
            else:
                r.font.size = Pt(12) if (ln.isupper() or ln.startswith("V/v")) else Pt(13)
                r.bold = ln.isupper() or ln.startswith("Độc lập")
                r.italic = ", ngày" in ln

    def two_col(left, right, sig=False):
        t = doc.add_table(rows=1, cols=2)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        widths = (Cm(7.2), Cm(8.8))
        for i, c in enumerate(t.rows[0].cells):
            c.width = widths[i]
        cell_lines(t.rows[0].cells[0], left, sig=sig)
        cell_lines(t.rows[0].cells[1], right, sig=sig)
        return t

    def body(lines):
        for ln in lines:
            if not ln.strip():
                continue
            kind, txt = line_kind(ln)
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(6)
            r = p.add_run(txt)
            if kind == "title":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r.bold = True
            else:
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                p.paragraph_format.first_line_indent = Cm(1.0)
                r.bold = kind == "bold"
                r.italic = kind == "italic"

    two_col(sec.get("left", []), sec.get("right", []))
    doc.add_paragraph()
    body(sec.get("body", []))
    two_col(sec.get("nn", []), sec.get("sig", []), sig=True)
    if sec.get("body2"):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        body(sec["body2"])
    doc.core_properties.author = "Văn thư"
    doc.core_properties.title = ""
    doc.save(out)


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------
def build_pdf(sec, out):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(25, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
    pdf.add_page()
    W = pdf.w - pdf.l_margin - pdf.r_margin
    LW, RW = 80, W - 80

    def column(lines, x, w, y0, sig=False):
        pdf.set_xy(x, y0)
        for ln in lines:
            align = "C"
            if sig and ln.startswith("Nơi nhận"):
                pdf.set_font("DejaVu", "B", 10)
                align = "L"
            elif sig and ln.startswith("-"):
                pdf.set_font("DejaVu", "", 9)
                align = "L"
            elif ", ngày" in ln:
                pdf.set_font("DejaVu", "I", 10.5)
            elif ln.isupper() or ln.startswith("Độc lập") or sig:
                pdf.set_font("DejaVu", "B", 10.5)
            else:
                pdf.set_font("DejaVu", "", 10.5)
            pdf.set_x(x)
            pdf.multi_cell(w, 5.2, ln if ln.strip() else " ", align=align, new_x="LMARGIN", new_y="NEXT")
        return pdf.get_y()

    def two_col(left, right, sig=False):
        y0 = pdf.get_y()
        y1 = column(left, pdf.l_margin, LW, y0, sig)
        y2 = column(right, pdf.l_margin + LW, RW, y0, sig)
        pdf.set_xy(pdf.l_margin, max(y1, y2) + 4)

    def body(lines):
        for ln in lines:
            if not ln.strip():
                continue
            kind, txt = line_kind(ln)
            if kind == "title":
                pdf.set_font("DejaVu", "B", 11.5)
                pdf.multi_cell(W, 6, txt, align="C", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("DejaVu", "B" if kind == "bold" else ("I" if kind == "italic" else ""), 11)
                pdf.multi_cell(W, 6, "      " + txt if kind == "text" else txt, align="J", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.2)

    two_col(sec.get("left", []), sec.get("right", []))
    pdf.ln(2)
    body(sec.get("body", []))
    pdf.ln(3)
    if pdf.get_y() > pdf.h - 70:
        pdf.add_page()
    two_col(sec.get("nn", []), sec.get("sig", []), sig=True)
    if sec.get("body2"):
        pdf.add_page()
        body(sec["body2"])
    pdf.set_creator("Microsoft Word")
    pdf.output(str(out))


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - {portal}</title>
<link rel="stylesheet" href="/Portals/_default/skins/portal/css/main.css">
<script src="/Resources/Shared/scripts/jquery/jquery.min.js"></script>
</head>
<body>
<div id="top-bar"><div class="container"><span class="hotline">Đường dây nóng: 1022</span> | <a href="/en">English</a> | <a href="/sitemap">Sơ đồ cổng</a> | <a href="/login">Đăng nhập</a></div></div>
<header class="banner"><div class="container"><a href="/" class="logo"><img src="/images/logo.png" alt="Quốc huy"></a><div class="portal-name">{portal}</div>
<form class="search" action="/tim-kiem"><input type="text" name="q" placeholder="Nhập từ khóa tìm kiếm..."><button>Tìm kiếm</button></form></div></header>
<nav class="main-menu"><ul>
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
<li><a href="/chinh-quyen">Chính quyền</a></li><li><a href="/van-ban">Văn bản</a></li><li><a href="/dich-vu-cong">Dịch vụ công trực tuyến</a></li>
<li><a href="/hoi-dap">Hỏi đáp</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div class="container page">
<div class="breadcrumb">{breadcrumb}</div>
<div class="row">
<main class="col-main">
<article class="news-detail">
<h1 class="title">{title}</h1>
<div class="meta"><span class="date">{posted}</span> <span class="share"><a href="#">Chia sẻ</a> <a href="#" onclick="window.print()">In bài</a></span></div>
<div class="content">
{doc}
</div>
<div class="attach">Tệp đính kèm: <a href="/uploads/{attach}">{attach}</a></div>
</article>
<section class="related"><h3>Tin cùng chuyên mục</h3><ul>
<li><a href="#">Hội nghị sơ kết công tác chuyển đổi số quý III</a></li>
<li><a href="#">Ra quân phong trào "Bình dân học vụ số"</a></li>
<li><a href="#">Lịch tiếp công dân định kỳ của lãnh đạo</a></li>
</ul></section>
</main>
<aside class="col-side">
<div class="box"><h3>Liên kết</h3><ul><li><a href="https://dichvucong.gov.vn">Cổng Dịch vụ công quốc gia</a></li><li><a href="#">Hệ thống thông tin báo cáo</a></li><li><a href="#">Thư điện tử công vụ</a></li></ul></div>
<div class="box"><h3>Thống kê truy cập</h3><p>Đang truy cập: 27<br>Tổng lượt truy cập: 1.204.559</p></div>
</aside>
</div></div>
<footer class="footer"><div class="container">
{footer}
</div></footer>
</body>
</html>
"""


def build_html(sec, out):
    site = sec["site"]
    e = html.escape

    def cell(lines):
        parts = []
        for ln in lines:
            t = e(ln)
            if ln.isupper() or ln.startswith("Độc lập"):
                t = f"<strong>{t}</strong>"
            elif ", ngày" in ln:
                t = f"<em>{t}</em>"
            parts.append(t)
        return "<br>\n".join(parts)

    def body(lines):
        out_ = []
        for ln in lines:
            if not ln.strip():
                continue
            kind, txt = line_kind(ln)
            if kind == "title":
                out_.append(f'<p style="text-align:center"><strong>{e(txt)}</strong></p>')
            elif kind == "bold":
                out_.append(f'<p style="text-align:justify"><strong>{e(txt)}</strong></p>')
            elif kind == "italic":
                out_.append(f'<p style="text-align:justify"><em>{e(txt)}</em></p>')
            else:
                out_.append(f'<p style="text-align:justify">{e(txt)}</p>')
        return "\n".join(out_)

    doc = "\n".join([
        '<table class="doc-header" style="width:100%;border:none"><tr>',
        f'<td style="width:40%;text-align:center;vertical-align:top">{cell(sec.get("left", []))}</td>',
        f'<td style="width:60%;text-align:center;vertical-align:top">{cell(sec.get("right", []))}</td>',
        "</tr></table>",
        body(sec.get("body", [])),
        '<table class="doc-sign" style="width:100%;border:none"><tr>',
        '<td style="width:50%;vertical-align:top;font-size:11pt">' + "<br>\n".join(
            (f"<strong><em>{e(l)}</em></strong>" if l.startswith("Nơi nhận") else e(l)) for l in sec.get("nn", [])) + "</td>",
        '<td style="width:50%;text-align:center;vertical-align:top"><strong>' + "<br>\n".join(e(l) for l in sec.get("sig", [])) + "</strong></td>",
        "</tr></table>",
    ])
    crumbs = " &raquo; ".join(f'<a href="#">{e(c)}</a>' for c in site["breadcrumb"].split("|"))
    footer = "\n".join(f"<p>{e(l)}</p>" for l in sec.get("footer", []))
    page = PAGE.format(title=e(site["title"]), portal=e(site["portal"]), breadcrumb=crumbs,
                       posted=e(site["posted"]), doc=doc, footer=footer, attach=e(site.get("attach", out.stem + ".pdf")))
    out.write_text(page, encoding="utf-8")


# --------------------------------------------------------------------------
# legacy encodings
# --------------------------------------------------------------------------
def encode_cp1258(text):
    """Windows-1258: precomposed where the code page has the letter, otherwise
    base letter (with circumflex/breve/horn when available) + combining tone."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], list(d[1:])
        done = False
        # try to keep the shape mark (circumflex U+0302, breve U+0306, horn U+031B) on the base
        for keep in ([m for m in marks if m in "\u0302\u0306\u031b"], []):
            comp = unicodedata.normalize("NFC", base + "".join(keep))
            rest = [m for m in marks if m not in keep]
            try:
                b = comp.encode("cp1258") + "".join(rest).encode("cp1258")
            except UnicodeEncodeError:
                continue
            out += b
            done = True
            break
        if not done:
            raise UnicodeEncodeError("cp1258", ch, 0, 1, "no mapping")
    return bytes(out)


# TCVN3 (TCVN 5712:1993, VN3 / "ABC"): one byte per Vietnamese lowercase letter;
# capitals exist only for Ă Â Đ Ê Ô Ơ Ư.  Toned capitals are written with the
# lowercase code (documents used the separate capital font .VnTimeH).
_TCVN3_LOWER = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "đ": 0xAE,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}
_TCVN3_UPPER = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}


def encode_tcvn3(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in _TCVN3_UPPER:
            out.append(_TCVN3_UPPER[ch])
        elif ch in _TCVN3_LOWER:
            out.append(_TCVN3_LOWER[ch])
        elif ch.lower() in _TCVN3_LOWER:
            out.append(_TCVN3_LOWER[ch.lower()])
        else:
            raise ValueError(f"no TCVN3 code for {ch!r}")
    return bytes(out)


def decode_tcvn3(data):
    rev = {v: k for k, v in _TCVN3_LOWER.items()}
    rev.update({v: k for k, v in _TCVN3_UPPER.items()})
    return "".join(rev.get(b, chr(b)) for b in data)


def build_txt(name, text, out):
    text = text.rstrip("\n") + "\n"
    if "utf16" in name:
        data = text.replace("\n", "\r\n").encode("utf-16")
    elif "cp1258" in name:
        data = encode_cp1258(text.replace("\n", "\r\n"))
    elif "tcvn3" in name:
        data = encode_tcvn3(text.replace("\n", "\r\n"))
    else:
        raise ValueError(name)
    out.write_bytes(data)



# --------------------------------------------------------------------------
# gold sanity check (python3 build_binaries.py --verify-gold)
# --------------------------------------------------------------------------
DOC_EXT = (".txt", ".md", ".docx", ".pdf", ".html")


def read_text(path):
    """Plain text of a corpus file, as a careful reader would see it."""
    name = path.name
    if name.endswith(".docx"):
        from docx import Document
        d = Document(str(path))
        parts = []
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    parts.append(c.text)
        parts += [p.text for p in d.paragraphs]
        return "\n".join(parts)
    if name.endswith(".pdf"):
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(str(path))
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if "tcvn3" in name:
        return decode_tcvn3(data)
    if "cp1258" in name:
        return data.decode("cp1258")
    text = data.decode("utf-8")
    if name.endswith(".html"):
        import re
        text = re.sub(r"<[^>]+>", " ", text)
        text = html.unescape(text)
    return text


def canon_text(s):
    s = unicodedata.normalize("NFC", s).replace("\u00d0", "\u0110").replace("\\", "")
    return "".join(s.split()).upper()


def verify_gold(folder=HERE):
    import json
    folder = Path(folder)
    rows = [json.loads(l) for l in open(folder / "gold.jsonl", encoding="utf-8") if l.strip()]
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(DOC_EXT) and p.name[:3].isdigit())
    names = [r["file"] for r in rows]
    problems = []
    if sorted(names) != files or len(set(names)) != len(names):
        problems.append(f"gold/file mismatch: missing={set(files) - set(names)} extra={set(names) - set(files)}")
    for r in rows:
        p = folder / r["file"]
        if not p.exists():
            continue
        text = canon_text(read_text(p))
        doc = r["document"]
        if doc.get("number") and canon_text(doc["number"]) not in text:
            problems.append(f"{r['file']}: own number {doc['number']} not in text")
        seen = set()
        for ref in r["references"]:
            forms = [ref["number"]] + ref.get("as_written", [])
            if not any(canon_text(f) in text for f in forms):
                problems.append(f"{r['file']}: reference {ref['number']} not in text")
            if canon_text(ref["number"]) == canon_text(doc.get("number") or "-"):
                problems.append(f"{r['file']}: reference equals own number")
            if ref["number"] in seen:
                problems.append(f"{r['file']}: duplicate reference {ref['number']}")
            seen.add(ref["number"])
            if doc.get("date") and ref.get("date") and ref["date"] > doc["date"]:
                problems.append(f"{r['file']}: reference {ref['number']} dated after the document")
            if not ref["relations"] or len(ref["relations"]) > 2:
                problems.append(f"{r['file']}: {ref['number']} needs one primary relation")
    for pr in problems:
        print("PROBLEM", pr)
    print(f"{len(rows)} gold rows, {sum(len(r['references']) for r in rows)} references, {len(problems)} problems")
    return 1 if problems else 0


# --------------------------------------------------------------------------
def build_all(outdir):
    written = []
    for name, src in SOURCES.items():
        out = Path(outdir) / name
        if name.endswith(".docx"):
            build_docx(parse(src), out)
        elif name.endswith(".pdf"):
            build_pdf(parse(src), out)
        elif name.endswith(".html"):
            build_html(parse(src), out)
        elif name.endswith(".txt"):
            build_txt(name, src, out)
        else:
            raise ValueError(name)
        written.append(out)
    return written


def main(argv):
    if "--verify-gold" in argv:
        return verify_gold()
    if "--check" in argv:
        import tempfile
        with tempfile.TemporaryDirectory() as td:
            for p in build_all(td):
                print("built", p.name, p.stat().st_size, "bytes")
        return 0
    for p in build_all(HERE):
        print("wrote", p.name)
    return 0


SOURCES = {}

SOURCES["004_cv-bkhcn-huong-dan-bao-cao.docx"] = """\
@left
BỘ KHOA HỌC VÀ CÔNG NGHỆ
-------
Số: 1863/BKHCN-KHTH
V/v hướng dẫn báo cáo định kỳ tình hình thực hiện Nghị quyết số 57-NQ/TW và Chương trình hành động của Chính phủ
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Nội, ngày 20 tháng 5 năm 2025
@body
Kính gửi:
- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.
Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia (sau đây gọi là Chương trình hành động), Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình hành động và Công văn số 01-CV/BCĐTW ngày 19/3/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số về việc cập nhật thông tin trên Hệ thống thông tin giám sát, đánh giá, Bộ Khoa học và Công nghệ hướng dẫn việc báo cáo định kỳ như sau:
**1. Kỳ báo cáo và thời hạn gửi báo cáo**
a) Báo cáo quý: số liệu tính từ ngày 15 của tháng cuối quý trước đến ngày 14 của tháng cuối quý báo cáo; gửi về Bộ Khoa học và Công nghệ trước ngày 20 của tháng cuối quý.
b) Báo cáo 6 tháng đầu năm 2025: gửi trước ngày 10/6/2025, lồng ghép với báo cáo quý II.
c) Báo cáo năm 2025: số liệu tính đến ngày 30/11/2025; gửi trước ngày 05/12/2025.
**2. Nội dung báo cáo**
a) Công tác lãnh đạo, chỉ đạo, ban hành văn bản triển khai Nghị quyết số 57-NQ/TW, Chương trình hành động tại bộ, ngành, địa phương (nêu rõ số, ký hiệu, ngày ban hành và trích yếu của từng văn bản).
b) Kết quả thực hiện từng nhiệm vụ được giao tại Phụ lục kèm theo Nghị quyết số 03/NQ-CP và Nghị quyết số 71/NQ-CP; tình trạng nhiệm vụ (đã hoàn thành, đang thực hiện, quá hạn) và nguyên nhân đối với nhiệm vụ chậm tiến độ.
c) Kết quả thực hiện các chỉ tiêu theo biểu mẫu tại Phụ lục 1/2 và Phụ lục 2/2 kèm theo Công văn này (chỉ tiêu về đầu tư cho khoa học, công nghệ; tỷ lệ dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ được số hóa; số doanh nghiệp khoa học và công nghệ...).
d) Khó khăn, vướng mắc, đề xuất, kiến nghị.
**3. Hình thức gửi báo cáo**
Báo cáo bằng văn bản điện tử có ký số gửi qua Hệ thống quản lý văn bản và điều hành, đồng thời gửi bản mềm (định dạng .docx và .xlsx) về địa chỉ thư điện tử tonghop57@most.gov.vn; cập nhật kết quả trên Hệ thống thông tin giám sát, đánh giá việc thực hiện Nghị quyết số 57-NQ/TW tại địa chỉ nq57.vn. Đối với các địa phương, Sở Khoa học và Công nghệ là cơ quan đầu mối tổng hợp, tham mưu Ủy ban nhân dân tỉnh, thành phố báo cáo.
Thông tin chi tiết xin liên hệ: Vụ Kế hoạch - Tổng hợp, Bộ Khoa học và Công nghệ, điện thoại: 024.3943.xxxx.
Bộ Khoa học và Công nghệ đề nghị các bộ, ngành, địa phương quan tâm phối hợp thực hiện./.
@nn
Nơi nhận:
- Như trên;
- Bộ trưởng (để b/c);
- Văn phòng Chính phủ;
- Văn phòng Trung ương Đảng (Cơ quan thường trực BCĐTW);
- Các Sở KH&CN tỉnh, thành phố;
- Lưu: VT, KHTH.
@sig
KT. BỘ TRƯỞNG
THỨ TRƯỞNG


Trần Đức Khoa
"""

SOURCES["014_bc-ubnd-phuong-nhi-chieu.html"] = """\
@site
title=Báo cáo kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW quý III/2025
portal=Cổng thông tin điện tử phường Nhị Chiểu
domain=nhichieu.haiphong.gov.vn
breadcrumb=Trang chủ|Chính quyền|Văn bản chỉ đạo điều hành|Báo cáo
posted=Đăng ngày: 17/10/2025 08:30 | Cập nhật lúc: 17/10/2025 15:42
attach=118-BC-UBND-signed.pdf
@left
ỦY BAN NHÂN DÂN
PHƯỜNG NHỊ CHIỂU
-------
Số: 118/BC-UBND
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Nhị Chiểu, ngày 14 tháng 10 năm 2025
@body
## BÁO CÁO
## Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết số 57-NQ/TW quý III năm 2025 trên địa bàn phường Nhị Chiểu
Thực hiện Công văn số 2150/SKHCN-CĐS ngày 06/10/2025 của Sở Khoa học và Công nghệ thành phố Hải Phòng về việc báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW quý III năm 2025, UBND phường Nhị Chiểu báo cáo kết quả thực hiện Kế hoạch số 45/KH-UBND ngày 05/8/2025 của UBND phường về tuyên truyền thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Kế hoạch số 07-KH/ĐU ngày 30/7/2025 của Ban Chấp hành Đảng bộ phường như sau:
**I. KẾT QUẢ THỰC HIỆN**
**1. Công tác chỉ đạo, triển khai**
Sau khi phường Nhị Chiểu được thành lập trên cơ sở các phường Duy Tân, Tân Dân, Minh Tân, Phú Thứ thuộc thị xã Kinh Môn (cũ), UBND phường đã ban hành Kế hoạch số 45/KH-UBND, phân công Phòng Văn hóa - Xã hội là đầu mối; chỉ đạo các tổ dân phố, trường học, Trạm y tế lồng ghép nội dung tuyên truyền vào các buổi sinh hoạt, họp tổ dân phố.
**2. Kết quả cụ thể**
- Hệ thống truyền thanh phường phát 52 tin, bài, chuyên mục về khoa học, công nghệ, chuyển đổi số; đăng tải 31 tin, bài trên Trang thông tin điện tử và trang mạng xã hội chính thức của phường (lượt tiếp cận trên 45.000).
- Tổ chức 02 hội nghị tuyên truyền cho 320 lượt cán bộ, đảng viên, đoàn viên, hội viên; Đoàn Thanh niên phường tổ chức chiến dịch "Thanh niên tình nguyện hỗ trợ chuyển đổi số" tại 24 tổ dân phố, hướng dẫn 1.860 người dân kích hoạt tài khoản định danh điện tử mức độ 2.
- Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến tại Trung tâm phục vụ hành chính công phường trong quý III đạt 71,4%; 100% kết quả giải quyết được số hóa.
**3. Tồn tại, hạn chế**
Một bộ phận người cao tuổi còn e ngại sử dụng dịch vụ công trực tuyến; một số tổ dân phố chưa có loa truyền thanh thông minh; việc cập nhật số liệu lên hệ thống báo cáo của Thành phố đôi khi chậm do đường truyền không ổn định.
**II. NHIỆM VỤ QUÝ IV NĂM 2025**
1. Tiếp tục thực hiện Kế hoạch số 45/KH-UBND; tập trung tuyên truyền Luật Khoa học, công nghệ và đổi mới sáng tạo có hiệu lực từ ngày 01/10/2025.
2. Phối hợp với Đoàn Thanh niên tổ chức "Ngày hội chuyển đổi số phường Nhị Chiểu" trong tháng 11/2025.
3. Hoàn thành lắp đặt loa truyền thanh thông minh tại 06 tổ dân phố còn lại trước ngày 30/11/2025.
UBND phường Nhị Chiểu báo cáo Sở Khoa học và Công nghệ thành phố Hải Phòng tổng hợp./.
@nn
Nơi nhận:
- Sở Khoa học và Công nghệ TP Hải Phòng;
- TT Đảng ủy, TT HĐND phường;
- CT, các PCT UBND phường;
- Lưu: VT, VHXH.
@sig
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH


Phạm Thị Huyền
@footer
Cổng thông tin điện tử phường Nhị Chiểu, thành phố Hải Phòng
Địa chỉ: Khu dân cư Tân Dân, phường Nhị Chiểu, thành phố Hải Phòng. Điện thoại: 0220.3821.xxx
Giấy phép số 12/GP-TTĐT do Sở Văn hóa, Thể thao và Du lịch cấp ngày 20/8/2025
Ghi rõ nguồn "Cổng thông tin điện tử phường Nhị Chiểu" khi phát hành lại thông tin từ website này.
"""

SOURCES["015_qd-1068-ubnd-binh-duong-ban-hanh-kh.docx"] = """\
@left
ỦY BAN NHÂN DÂN
TỈNH BÌNH DƯƠNG
-------
Số: 1068/QĐ-UBND
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Bình Dương, ngày 21 tháng 4 năm 2025
@body
## QUYẾT ĐỊNH
## Ban hành Kế hoạch thực hiện chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Bình Dương năm 2025
## CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH DƯƠNG
_Căn cứ Luật Tổ chức chính quyền địa phương số 65/2025/QH15 ngày 19 tháng 02 năm 2025;_
_Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;_
_Căn cứ Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW; Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình hành động;_
_Căn cứ Kế hoạch số 295-KH/TU ngày 20 tháng 02 năm 2025 của Tỉnh ủy Bình Dương thực hiện Nghị quyết số 57-NQ/TW;_
_Xét đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 86/TTr- SKHCN ngày 10 tháng 4 năm 2025._
## QUYẾT ĐỊNH:
**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch thực hiện chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Bình Dương năm 2025.
**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.
**Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.
@nn
Nơi nhận:
- Bộ Khoa học và Công nghệ;
- TT.TU, TT.HĐND tỉnh;
- CT, các PCT UBND tỉnh;
- Như Điều 3;
- LĐVP, Website;
- Lưu: VT, KT.
@sig
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH


Mai Hùng Dũng
@body2
## KẾ HOẠCH
## Thực hiện chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Bình Dương năm 2025
_(Ban hành kèm theo Quyết định số 1068/QĐ-UBND ngày 21 tháng 4 năm 2025 của Chủ tịch UBND tỉnh Bình Dương)_
**I. MỤC TIÊU**
1. Bình Dương duy trì vị trí trong nhóm 10 tỉnh, thành phố dẫn đầu cả nước về Chỉ số chuyển đổi số (DTI); kinh tế số đạt 20% GRDP.
2. 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến đạt trên 80%; 100% hồ sơ được số hóa, tái sử dụng.
3. Hoàn thành giai đoạn 1 Trung tâm điều hành thông minh (IOC) cấp tỉnh phiên bản 3.0, kết nối dữ liệu camera giao thông (nhận diện phương tiện vượt tốc độ trên 50km/h trong khu dân cư) với Công an tỉnh.
**II. NHIỆM VỤ, GIẢI PHÁP**
1. Thể chế: Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật của tỉnh liên quan đến chuyển đổi số, hoàn thành trong quý II/2025.
2. Hạ tầng số: Sở Khoa học và Công nghệ chủ trì phát triển mạng 5G tại các khu công nghiệp VSIP, Mỹ Phước, Bàu Bàng; tiếp tục thực hiện các mục tiêu của Chương trình chuyển đổi số quốc gia theo Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ.
3. Dữ liệu: Công an tỉnh chủ trì làm sạch dữ liệu dân cư phục vụ Đề án 06; các sở, ngành hoàn thành xây dựng cơ sở dữ liệu chuyên ngành trước ngày 30/9/2025.
4. Nhân lực: Sở Nội vụ phối hợp với Trường Đại học Thủ Dầu Một, Đại học Quốc tế Miền Đông đào tạo 500 nhân lực công nghệ số cho khu vực công.
5. Đổi mới sáng tạo: Hỗ trợ 30 doanh nghiệp khởi nghiệp đổi mới sáng tạo tại Trung tâm Đổi mới sáng tạo Bình Dương.
**III. TỔ CHỨC THỰC HIỆN**
1. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố xây dựng kế hoạch của đơn vị, địa phương, gửi Sở Khoa học và Công nghệ trước ngày 10/5/2025.
2. Sở Khoa học và Công nghệ theo dõi, tổng hợp; báo cáo UBND tỉnh kết quả 6 tháng trước ngày 15/6/2025 và cả năm trước ngày 30/11/2025.
3. Sở Tài chính cân đối, bố trí kinh phí thực hiện.
"""

SOURCES["021_cv-842-skhcn-tuyen-quang-don-doc.pdf"] = """\
@left
UBND TỈNH TUYÊN QUANG
SỞ KHOA HỌC VÀ CÔNG NGHỆ
-------
Số: 842/SKHCN-QLCN
V/v đôn đốc báo cáo, cập nhật kết quả thực hiện Nghị quyết số 57-NQ/TW năm 2025
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Tuyên Quang, ngày 03 tháng 11 năm 2025
@body
Kính gửi:
- Các sở, ban, ngành tỉnh;
- UBND các xã, phường.
Thực hiện Kế hoạch số 146/KH-UBND ngày 05/9/2025 của UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị và Kế hoạch số 02-KH/BCĐTW của Ban Chỉ đạo Trung ương năm 2025 trên địa bàn tỉnh Tuyên Quang; Công văn số 4195/BKHCN-KHTH ngày 20/10/2025 của Bộ Khoa học và Công nghệ về việc báo cáo kết quả thực hiện Nghị quyết số 57-NQ/TW năm 2025,
Qua theo dõi trên Hệ thống thông tin giám sát, đánh giá, đến ngày 31/10/2025 toàn tỉnh còn 37/124 xã, phường chưa cập nhật kết quả thực hiện nhiệm vụ quý III; 09 nhiệm vụ của các sở, ngành tại Kế hoạch số 146/KH-UBND đã quá hạn nhưng chưa có báo cáo giải trình. Một số xã vùng cao thuộc khu vực Hà Giang cũ (Lũng Cú, Sà Phìn, Mèo Vạc, Pải Lủng...) báo cáo chưa đúng biểu mẫu.
Để kịp thời tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Khoa học và Công nghệ, Ban Thường vụ Tỉnh ủy, Sở Khoa học và Công nghệ đề nghị:
1. Các sở, ban, ngành tỉnh
- Khẩn trương hoàn thành các nhiệm vụ quá hạn tại Kế hoạch số 146/KH-UBND; trường hợp chưa hoàn thành phải có báo cáo giải trình nêu rõ nguyên nhân, thời gian hoàn thành.
- Rà soát các nhiệm vụ được giao tại Kế hoạch số 09-KH/TU ngày 28/7/2025 của Ban Thường vụ Tỉnh ủy, bảo đảm hoàn thành trong năm 2025.
2. UBND các xã, phường
- Cập nhật đầy đủ kết quả thực hiện nhiệm vụ quý III, quý IV năm 2025 lên Hệ thống thông tin giám sát, đánh giá, hoàn thành trước ngày 15/11/2025.
- Xây dựng báo cáo kết quả thực hiện năm 2025 theo đề cương tại Phụ lục kèm theo.
3. Thời hạn gửi báo cáo
Báo cáo kết quả thực hiện năm 2025 gửi về Sở Khoa học và Công nghệ trước ngày 20/11/2025 (bản điện tử gửi qua Hệ thống quản lý văn bản và điều hành, đồng thời gửi tệp .docx qua thư điện tử qlcn.skhcn@tuyenquang.gov.vn).
Quá thời hạn trên, Sở Khoa học và Công nghệ sẽ tổng hợp danh sách các cơ quan, đơn vị, địa phương chưa thực hiện, báo cáo UBND tỉnh.
Rất mong nhận được sự quan tâm, phối hợp của các cơ quan, đơn vị, địa phương./.
@nn
Nơi nhận:
- Như trên;
- UBND tỉnh (b/c);
- Ban Tuyên giáo và Dân vận Tỉnh ủy;
- Giám đốc, các PGĐ Sở;
- Lưu: VT, QLCN.
@sig
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC


Hoàng Văn Thịnh
"""

SOURCES["027_kh-02-bcd-tinh-dak-lak.pdf"] = """\
@left
TỈNH ỦY ĐẮK LẮK
BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC,
CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO
VÀ CHUYỂN ĐỔI SỐ
*
Số 02-KH/BCĐ
@right
ĐẢNG CỘNG SẢN VIỆT NAM

Đắk Lắk, ngày 06 tháng 11 năm 2025
@body
## KẾ HOẠCH
## Tiếp tục triển khai thực hiện các nhiệm vụ về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số
## -----
Thực hiện Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch số 02-KH/BCĐTW, ngày 19-6-2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; Thông báo kết luận số 18-TB/BCĐTW, ngày 14-8-2025 của Trưởng Ban Chỉ đạo Trung ương; Chương trình hành động số 03-CTr/TU, ngày 20-8-2025 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW, Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh (sau đây gọi là Ban Chỉ đạo tỉnh) ban hành Kế hoạch tiếp tục triển khai thực hiện các nhiệm vụ trong những tháng cuối năm 2025 và năm 2026 như sau:
**I. MỤC ĐÍCH, YÊU CẦU**
1. Tập trung hoàn thành các nhiệm vụ còn chậm, quá hạn được giao tại Nghị quyết số 71/NQ-CP, ngày 01-4-2025 của Chính phủ và các kế hoạch của Trung ương, của tỉnh; thống nhất đầu mối theo dõi sau khi hợp nhất tỉnh Đắk Lắk và tỉnh Phú Yên.
2. Phân công cụ thể cho thành viên Ban Chỉ đạo tỉnh, các Tổ công tác, các sở, ban, ngành và 102 xã, phường; gắn trách nhiệm người đứng đầu.
**II. NHIỆM VỤ TRỌNG TÂM**
1. Về thể chế: Ban cán sự đảng UBND tỉnh chỉ đạo rà soát, hợp nhất các văn bản quy phạm pháp luật của hai tỉnh Đắk Lắk, Phú Yên (cũ) về khoa học, công nghệ, chuyển đổi số; trình HĐND tỉnh ban hành chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo tại kỳ họp cuối năm 2025.
2. Về hạ tầng, dữ liệu: Hoàn thành việc hợp nhất Trung tâm dữ liệu, Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh trước ngày 31/12/2025; xóa 100% thôn, buôn "lõm sóng" trong năm 2026.
3. Về nhân lực: Mỗi xã, phường bố trí tối thiểu 01 công chức chuyên trách chuyển đổi số; tổ chức bồi dưỡng cho 100% công chức cấp xã trước ngày 30/6/2026.
4. Về ứng dụng: Triển khai truy xuất nguồn gốc cà phê, sầu riêng, hồ tiêu; mở rộng mô hình "Chợ 4.0", "Buôn số".
5. Về giám sát: Các cơ quan, địa phương cập nhật kết quả thực hiện nhiệm vụ trên Hệ thống thông tin giám sát, đánh giá (nq57.vn) trước ngày 05 hằng tháng.
(Danh mục 136 nhiệm vụ cụ thể tại Phụ lục kèm theo.)
**III. TỔ CHỨC THỰC HIỆN**
1. Các thành viên Ban Chỉ đạo tỉnh theo lĩnh vực phụ trách chỉ đạo, đôn đốc thực hiện; hoạt động theo Quy chế ban hành kèm theo Quyết định số 05-QĐ/BCĐ, ngày 15-7-2025 của Ban Chỉ đạo tỉnh.
2. Sở Khoa học và Công nghệ - Cơ quan thường trực Ban Chỉ đạo của UBND tỉnh phối hợp với Văn phòng Tỉnh ủy theo dõi, tổng hợp; báo cáo Ban Chỉ đạo tỉnh kết quả thực hiện năm 2025 trước ngày 20/12/2025.
3. Các đảng ủy xã, phường lãnh đạo, chỉ đạo UBND cùng cấp xây dựng kế hoạch thực hiện, hoàn thành trước ngày 25/11/2025.
@nn
Nơi nhận:
- Ban Chỉ đạo Trung ương (b/c),
- Thường trực Tỉnh ủy (b/c),
- Các thành viên Ban Chỉ đạo tỉnh,
- Các sở, ban, ngành, đoàn thể tỉnh,
- Các đảng ủy xã, phường,
- Lưu: VPTU, SKHCN.
@sig
T/M BAN CHỈ ĐẠO
PHÓ TRƯỞNG BAN THƯỜNG TRỰC


Nguyễn Thiên Văn
"""

SOURCES["032_hd-21-btgdv-tinh-uy-gia-lai.docx"] = """\
@left
ĐẢNG BỘ TỈNH GIA LAI
BAN TUYÊN GIÁO VÀ DÂN VẬN
*
Số 21-HD/BTGDVTU
@right
ĐẢNG CỘNG SẢN VIỆT NAM

Gia Lai, ngày 02 tháng 10 năm 2025
@body
## HƯỚNG DẪN
## tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị và Luật Khoa học, công nghệ và đổi mới sáng tạo trên địa bàn tỉnh
## -----
Thực hiện Hướng dẫn số 23-HD/BTGDVTW, ngày 15-7-2025 của Ban Tuyên giáo và Dân vận Trung ương về tuyên truyền kết quả thực hiện Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị; Kế hoạch số 15-KH/TU, ngày 10-9-2025 của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW trên địa bàn tỉnh Gia Lai (mới), Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn công tác tuyên truyền như sau:
**I. MỤC ĐÍCH, YÊU CẦU**
1. Tạo sự thống nhất về nhận thức và hành động trong Đảng bộ và Nhân dân tỉnh sau khi hợp nhất tỉnh Gia Lai và tỉnh Bình Định; khơi dậy khát vọng xây dựng Gia Lai trở thành trung tâm kinh tế biển, công nghệ - đổi mới sáng tạo của khu vực Nam Trung Bộ và Tây Nguyên.
2. Tuyên truyền phải gắn với tuyên truyền Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 có hiệu lực từ ngày 01-10-2025 và Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030.
**II. NỘI DUNG TUYÊN TRUYỀN**
1. Quan điểm, mục tiêu, nhiệm vụ, giải pháp của Nghị quyết số 57-NQ/TW và Kế hoạch số 15-KH/TU.
2. Những điểm mới của Luật Khoa học, công nghệ và đổi mới sáng tạo: cơ chế quỹ, chấp nhận rủi ro trong nghiên cứu, quyền của nhà khoa học đối với kết quả nghiên cứu, khuyến khích doanh nghiệp đầu tư cho khoa học, công nghệ.
3. Kết quả nổi bật: Khu đô thị khoa học Quy Hòa với Trung tâm Quốc tế Khoa học và Giáo dục liên ngành (ICISE); Khu công nghệ thông tin tập trung tại phường Quy Nhơn; chuyển đổi số trong sản xuất cà phê, hồ tiêu ở các xã phía tây; ứng dụng nền tảng số trong quản lý tàu cá.
4. Gương điển hình các nhà khoa học, doanh nghiệp, hợp tác xã, cá nhân tiêu biểu trong đổi mới sáng tạo.
**III. HÌNH THỨC TUYÊN TRUYỀN**
- Báo và Phát thanh, Truyền hình Gia Lai mở chuyên mục "Gia Lai - Kỷ nguyên số".
- Tuyên truyền miệng qua đội ngũ báo cáo viên, tuyên truyền viên; lồng ghép trong sinh hoạt chi bộ (nội dung định hướng sinh hoạt chuyên đề quý IV/2025).
- Trên không gian mạng: các trang thông tin điện tử, nhóm Zalo, Facebook của các đảng ủy xã, phường, đặc khu.
**IV. TỔ CHỨC THỰC HIỆN**
1. Ban Tuyên giáo và Dân vận các đảng ủy trực thuộc Tỉnh ủy căn cứ Hướng dẫn này xây dựng kế hoạch tuyên truyền, hoàn thành trước ngày 15-10-2025.
2. Các cơ quan báo chí của tỉnh xây dựng kế hoạch thông tin, tuyên truyền.
3. Các đảng ủy trực thuộc báo cáo kết quả tuyên truyền về Ban Tuyên giáo và Dân vận Tỉnh ủy trước ngày 25-11-2025 để tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo và Dân vận Trung ương.
Hướng dẫn này thay thế Hướng dẫn số 148-HD/BTGTU, ngày 10-3-2025 của Ban Tuyên giáo Tỉnh ủy Gia Lai (trước hợp nhất).
@nn
Nơi nhận:
- Ban Tuyên giáo và Dân vận Trung ương (b/c),
- Thường trực Tỉnh ủy (b/c),
- Các đảng ủy trực thuộc Tỉnh ủy,
- Các cơ quan báo chí tỉnh,
- Lưu VT.
@sig
K/T TRƯỞNG BAN
PHÓ TRƯỞNG BAN


Lê Thị Thu Hồng
"""

SOURCES["035_qd-2145-ubnd-phu-tho-ban-hanh-kh.pdf"] = """\
@left
ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ
-------
Số: 2145/QÐ-UBND
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Phú Thọ, ngày 10 tháng 10 năm 2025
@body
## QUYẾT ĐỊNH
## Ban hành Kế hoạch chuyển đổi số cấp xã trên địa bàn tỉnh Phú Thọ giai đoạn 2025 - 2026
## ỦY BAN NHÂN DÂN TỈNH PHÚ THỌ
Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;
Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW;
Căn cứ Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số;
Thực hiện Kế hoạch số 28-KH/TU ngày 02/9/2025 của Ban Thường vụ Tỉnh ủy về đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan trong hệ thống chính trị tỉnh;
Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ tại Tờ trình số 245/TTr-SKHCN ngày 30/9/2025.
## QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số cấp xã trên địa bàn tỉnh Phú Thọ giai đoạn 2025 - 2026.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở, ban, ngành; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
@nn
Nơi nhận:
- Như Điều 3;
- Bộ KH&CN (b/c);
- TT Tỉnh ủy, TT HĐND tỉnh (b/c);
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, KGVX.
@sig
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH


Nguyễn Thanh Hải
@body2
## KẾ HOẠCH
## Chuyển đổi số cấp xã trên địa bàn tỉnh Phú Thọ giai đoạn 2025 - 2026
(Kèm theo Quyết định số 2145/QĐ-UBND ngày 10/10/2025 của UBND tỉnh Phú Thọ)
I. THỰC TRẠNG
Sau khi hợp nhất tỉnh Phú Thọ, tỉnh Vĩnh Phúc, tỉnh Hòa Bình và sắp xếp đơn vị hành chính cấp xã, toàn tỉnh có 148 xã, phường. Mức độ sẵn sàng chuyển đổi số giữa các xã, phường chênh lệch lớn: các phường thuộc khu vực Vĩnh Yên, Phúc Yên, Việt Trì cơ bản đồng bộ; nhiều xã vùng cao khu vực Hòa Bình (cũ) như Đà Bắc, Mai Châu còn thiếu thiết bị, đường truyền.
II. MỤC TIÊU
1. Năm 2025: 100% xã, phường có Trung tâm phục vụ hành chính công đáp ứng yêu cầu tối thiểu về thiết bị (theo Phụ lục 1/2); 100% công chức cấp xã có chữ ký số cá nhân.
2. Năm 2026: tỷ lệ hồ sơ trực tuyến toàn trình cấp xã đạt 80%; 100% xã, phường có trang thông tin điện tử; 50% xã, phường đạt tiêu chí "xã thông minh" mức cơ bản.
III. NHIỆM VỤ
1. Sở Khoa học và Công nghệ: hướng dẫn, kiểm tra; tổng hợp nhu cầu thiết bị; tham mưu Ban Chỉ đạo tỉnh (được kiện toàn tại Quyết định số 1206 /QĐ-UBND ngày 18/7/2025 của UBND tỉnh) đánh giá, xếp hạng mức độ chuyển đổi số cấp xã hằng năm.
2. Sở Tài chính: bố trí kinh phí hỗ trợ thiết bị cho 62 xã khó khăn, hoàn thành trước ngày 31/12/2025.
3. Sở Nội vụ: tổ chức bồi dưỡng kỹ năng số cho công chức cấp xã, hoàn thành trong quý I/2026.
4. UBND các xã, phường: xây dựng kế hoạch chuyển đổi số năm 2026, gửi Sở Khoa học và Công nghệ trước ngày 15/11/2025; báo cáo kết quả thực hiện năm 2025 trước ngày 10/12/2025.
"""

SOURCES["038_kh-67-ubnd-phuong-hoa-lu-utf16.txt"] = """\
ỦY BAN NHÂN DÂN                        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
PHƯỜNG HOA LƯ                                Độc lập - Tự do - Hạnh phúc
Số: 67/KH-UBND                          Hoa Lư, ngày 03 tháng 10 năm 2025

                                 KẾ HOẠCH
       Ứng dụng công nghệ số phát triển đô thị thông minh và du lịch số
                  trên địa bàn phường Hoa Lư giai đoạn 2025 - 2027

Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
Thực hiện Kế hoạch số 18-KH/TU ngày 15/8/2025 của Ban Thường vụ Tỉnh ủy Ninh Bình về thực hiện Nghị quyết số 57-NQ/TW; Quyết định số 1850/QĐ-UBND ngày 22/8/2025 của UBND tỉnh Ninh Bình phê duyệt Đề án phát triển du lịch thông minh tỉnh Ninh Bình đến năm 2030; Kế hoạch số 07-KH/ĐU ngày 05/9/2025 của Đảng ủy phường Hoa Lư về chuyển đổi số giai đoạn 2025 - 2030,
UBND phường Hoa Lư ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Phát huy lợi thế của phường là trung tâm hành chính, văn hóa của tỉnh Ninh Bình (mới), cửa ngõ vào Quần thể danh thắng Tràng An; ứng dụng công nghệ số trong quản lý đô thị, phục vụ người dân và du khách.
2. Bảo đảm kế thừa các hệ thống đã được đầu tư trên địa bàn thành phố Hoa Lư (cũ), không đầu tư trùng lặp.

II. MỤC TIÊU ĐẾN NĂM 2027
- 100% tuyến phố chính có camera giám sát an ninh, giao thông kết nối Trung tâm điều hành thông minh của tỉnh.
- 100% cơ sở lưu trú, nhà hàng, điểm du lịch trên địa bàn có thông tin trên ứng dụng du lịch thông minh của tỉnh; 80% cơ sở chấp nhận thanh toán không dùng tiền mặt.
- Triển khai Wi-Fi công cộng miễn phí tại Quảng trường Đinh Tiên Hoàng Đế, công viên Thúy Sơn, khu phố cổ Hoa Lư.
- Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình đạt 90%.

III. NHIỆM VỤ, GIẢI PHÁP
1. Đô thị thông minh: Phòng Kinh tế, Hạ tầng và Đô thị chủ trì số hóa dữ liệu quy hoạch, hạ tầng đô thị; phối hợp Công an phường kết nối camera; hoàn thành bản đồ số hạ tầng phường trước ngày 30/6/2026.
2. Du lịch số: Phòng Văn hóa - Xã hội chủ trì, phối hợp với các doanh nghiệp du lịch gắn mã QR thuyết minh đa ngôn ngữ (tiếng Việt, tiếng Anh, tiếng Hàn, tiếng Trung) tại các di tích trên địa bàn; tổ chức tập huấn kỹ năng bán hàng trực tuyến cho hộ kinh doanh lưu trú homestay trong quý IV/2025.
3. Chính quyền số: Văn phòng HĐND và UBND phường vận hành Trung tâm phục vụ hành chính công theo mô hình "một cửa số"; triển khai trợ lý ảo hỗ trợ giải đáp thủ tục hành chính.
4. Người dân số: Phát huy 38 Tổ công nghệ số cộng đồng tại các tổ dân phố, thôn; tổ chức "Bình dân học vụ số" cho người cao tuổi.

IV. KINH PHÍ
Ngân sách phường; lồng ghép kinh phí thực hiện Đề án phát triển du lịch thông minh của tỉnh; huy động doanh nghiệp viễn thông, ngân hàng tham gia.

V. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội là cơ quan thường trực; các phòng, đơn vị xây dựng kế hoạch chi tiết, hoàn thành trước ngày 20/10/2025.
2. Định kỳ 6 tháng (trước ngày 15/6 và 15/12) báo cáo kết quả về UBND phường; báo cáo năm 2025 trước ngày 15/12/2025.

Nơi nhận:
- Sở Khoa học và Công nghệ (b/c);
- Sở Du lịch (b/c);
- TT Đảng ủy, TT HĐND phường (b/c);
- CT, các PCT UBND phường;
- Các phòng, đơn vị thuộc phường;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Đinh Văn Điệp
"""

SOURCES["039_de-an-05-ubnd-tp-can-tho-ha-tang-so.docx"] = """\
@left
ỦY BAN NHÂN DÂN
THÀNH PHỐ CẦN THƠ
-------
Số: 05/ĐA-UBND
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Cần Thơ, ngày 30 tháng 10 năm 2025
@body
## ĐỀ ÁN
## Phát triển hạ tầng số và dữ liệu thành phố Cần Thơ giai đoạn 2025 - 2030
**PHẦN I. SỰ CẦN THIẾT VÀ CĂN CỨ XÂY DỰNG ĐỀ ÁN**
**1. Sự cần thiết**
Sau khi hợp nhất thành phố Cần Thơ, tỉnh Hậu Giang và tỉnh Sóc Trăng, thành phố Cần Thơ (mới) có 103 xã, phường với dân số trên 4,1 triệu người. Hạ tầng số của ba địa phương được đầu tư ở các thời điểm khác nhau, không đồng bộ: ba trung tâm dữ liệu riêng biệt, ba hệ thống thông tin giải quyết thủ tục hành chính, ba nền tảng tích hợp, chia sẻ dữ liệu (LGSP) sử dụng công nghệ khác nhau; nhiều cơ sở dữ liệu chuyên ngành trùng lặp, chưa chuẩn hóa. Việc hợp nhất, nâng cấp hạ tầng số và dữ liệu là yêu cầu cấp bách để vận hành thông suốt chính quyền địa phương hai cấp và hiện thực hóa mục tiêu đưa Cần Thơ trở thành trung tâm đổi mới sáng tạo của vùng Đồng bằng sông Cửu Long.
**2. Căn cứ chính trị**
- Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
- Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số;
- Nghị quyết số 06-NQ/TU ngày 16/9/2025 của Ban Chấp hành Đảng bộ thành phố về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số thành phố Cần Thơ đến năm 2030.
**3. Căn cứ pháp lý**
- Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15;
- Nghị định số 73/2019/NĐ-CP ngày 05/9/2019 của Chính phủ quy định quản lý đầu tư ứng dụng công nghệ thông tin sử dụng nguồn vốn ngân sách nhà nước;
- Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân;
- Nghị quyết số 03/NQ-CP ngày 09/01/2025 và Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ;
- Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;
- Quyết định số 411/QĐ-TTg ngày 31/3/2022 của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia phát triển kinh tế số và xã hội số;
- Thông tư số 03/2020/TT-BTTTT ngày 24/02/2020 của Bộ Thông tin và Truyền thông quy định về lập đề cương và dự toán chi tiết đối với hoạt động ứng dụng công nghệ thông tin sử dụng kinh phí chi thường xuyên.
**PHẦN II. THỰC TRẠNG**
1. Hạ tầng viễn thông: 100% xã, phường có cáp quang đến trụ sở; tỷ lệ phủ sóng 4G đạt 99,2% dân số; mạng 5G mới triển khai tại các phường trung tâm Ninh Kiều, Cái Khế, Tân An và phường Vị Thanh, phường Sóc Trăng.
2. Trung tâm dữ liệu: Trung tâm dữ liệu thành phố Cần Thơ (cũ) đạt tiêu chuẩn Tier 2; trung tâm dữ liệu của Hậu Giang, Sóc Trăng (cũ) quy mô nhỏ, không đáp ứng yêu cầu dự phòng.
3. Dữ liệu: đã hình thành 47 cơ sở dữ liệu chuyên ngành; mức độ kết nối với các cơ sở dữ liệu quốc gia còn hạn chế; dữ liệu mở mới công bố 312 bộ.
4. An toàn thông tin: 78% hệ thống thông tin được phê duyệt cấp độ; trung tâm giám sát an toàn thông tin (SOC) hoạt động 24/7 nhưng chưa bao quát hệ thống của hai tỉnh cũ.
**PHẦN III. MỤC TIÊU**
1. Đến năm 2026: hợp nhất xong Trung tâm dữ liệu thành phố theo mô hình một trung tâm chính, một trung tâm dự phòng; vận hành một Hệ thống thông tin giải quyết thủ tục hành chính, một LGSP dùng chung.
2. Đến năm 2030: 100% xã, phường có mạng 5G; hình thành kho dữ liệu dùng chung và hệ thống dữ liệu lớn phục vụ điều hành về nông nghiệp, thủy sản, môi trường (xâm nhập mặn, sạt lở); 100% hệ thống thông tin được bảo đảm an toàn theo cấp độ; kinh tế số đạt 30% GRDP.
**PHẦN IV. NHIỆM VỤ, GIẢI PHÁP**
1. Hợp nhất, nâng cấp hạ tầng: thực hiện theo lộ trình 03 giai đoạn; giai đoạn 1 hoàn thành trước ngày 30/6/2026.
2. Phát triển dữ liệu: ban hành Kiến trúc dữ liệu thành phố; danh mục dữ liệu dùng chung, dữ liệu mở; ưu tiên các công nghệ thuộc Danh mục công nghệ chiến lược ban hành kèm theo Quyết định số 1131/QĐ-TTg ngày 12/6/2025 của Thủ tướng Chính phủ (trí tuệ nhân tạo, dữ liệu lớn, điện toán đám mây).
3. Phát triển mạng 5G, IoT phục vụ nông nghiệp thông minh vùng lúa - tôm, vùng cây ăn trái.
4. Bảo đảm an toàn thông tin mạng, bảo vệ dữ liệu cá nhân.
5. Huy động nguồn lực: hợp tác công tư (PPP) với doanh nghiệp viễn thông; thuê dịch vụ công nghệ thông tin.
**PHẦN V. KINH PHÍ**
Tổng kinh phí dự kiến: 1.860 tỷ đồng, trong đó ngân sách thành phố 1.120 tỷ đồng, vốn xã hội hóa 740 tỷ đồng (chi tiết tại Phụ lục kèm theo).
**PHẦN VI. TỔ CHỨC THỰC HIỆN**
1. Sở Khoa học và Công nghệ là cơ quan chủ trì, tham mưu UBND thành phố tổ chức thực hiện Đề án; xây dựng kế hoạch triển khai năm 2026, trình UBND thành phố trước ngày 15/12/2025.
2. Sở Tài chính tham mưu cân đối, bố trí vốn trong kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030.
3. UBND các xã, phường phối hợp bàn giao hạ tầng, dữ liệu của cấp huyện (cũ) đang quản lý; báo cáo kết quả rà soát trước ngày 30/11/2025.
@nn
Nơi nhận:
- Bộ Khoa học và Công nghệ;
- TT Thành ủy, TT HĐND thành phố;
- CT, các PCT UBND thành phố;
- Các sở, ban, ngành thành phố;
- UBND các xã, phường;
- Lưu: VT, KGVX.
@sig
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH


Trần Văn Lâu
"""

SOURCES["045_cv-1856-ubnd-huyen-duc-hoa-huong-dan.html"] = """\
@site
title=Hướng dẫn triển khai công tác tuyên truyền Nghị quyết 57-NQ/TW trên địa bàn huyện
portal=Cổng thông tin điện tử huyện Đức Hòa - tỉnh Long An
domain=duchoa.longan.gov.vn
breadcrumb=Trang chủ|Tin tức - Sự kiện|Chỉ đạo - Điều hành
posted=Ngày đăng: 10/04/2025 14:20 | Lượt xem: 512
attach=CV1856-UBND-VHTT.pdf
@left
ỦY BAN NHÂN DÂN
HUYỆN ĐỨC HÒA
-------
Số: 1856/UBND-VHTT
V/v hướng dẫn triển khai công tác tuyên truyền Nghị quyết số 57-NQ/TW của Bộ Chính trị
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Đức Hòa, ngày 09 tháng 4 năm 2025
@body
Kính gửi:
- Thủ trưởng các cơ quan, ban, ngành huyện;
- Trung tâm Văn hóa, Thể thao và Truyền thanh huyện;
- UBND các xã, thị trấn.
Thực hiện Hướng dẫn số 132-HD/BTGTU ngày 20/01/2025 của Ban Tuyên giáo Tỉnh ủy Long An về tuyên truyền Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch số 1120/KH-UBND ngày 24/3/2025 của UBND tỉnh Long An về thực hiện Nghị quyết số 03/NQ-CP của Chính phủ; Kế hoạch số 210-KH/HU ngày 10/3/2025 của Ban Thường vụ Huyện ủy Đức Hòa,
UBND huyện hướng dẫn triển khai công tác tuyên truyền trên địa bàn huyện như sau:
**1. Nội dung tuyên truyền**
- Quan điểm, mục tiêu, nhiệm vụ, giải pháp của Nghị quyết số 57-NQ/TW; vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số đối với phát triển kinh tế - xã hội của huyện, nhất là trong thu hút đầu tư vào các khu công nghiệp Đức Hòa 1 - Hạnh Phúc, Tân Đức, Xuyên Á.
- Lợi ích của dịch vụ công trực tuyến, thanh toán không dùng tiền mặt, tài khoản định danh điện tử; hướng dẫn người dân, công nhân lao động sử dụng ứng dụng VNeID, Cổng Dịch vụ công quốc gia.
- Các mô hình hay: "Chợ 4.0" tại chợ Đức Hòa, chợ Hậu Nghĩa; "Nhà trọ an toàn - kết nối số" tại các xã Đức Hòa Hạ, Hựu Thạnh.
- Cảnh báo các thủ đoạn lừa đảo trên không gian mạng, giả danh cơ quan nhà nước, tổng đài viên.
**2. Hình thức tuyên truyền**
- Hệ thống truyền thanh huyện, xã phát chuyên mục "Đức Hòa chuyển đổi số" vào 17 giờ thứ Ba, thứ Sáu hằng tuần.
- Trang thông tin điện tử huyện, các trang mạng xã hội của UBND các xã, thị trấn.
- Băng rôn, pano tại trụ sở, khu dân cư, cổng các khu công nghiệp; tờ rơi song ngữ (tiếng Việt - tiếng Anh) cho doanh nghiệp FDI.
- Lồng ghép tại các cuộc họp khu phố, ấp, sinh hoạt chi bộ, đoàn thể.
**3. Tổ chức thực hiện**
- Phòng Văn hóa, Khoa học và Thông tin chủ trì, phối hợp Trung tâm Văn hóa, Thể thao và Truyền thanh huyện biên tập tài liệu tuyên truyền, cung cấp cho các xã, thị trấn trước ngày 20/4/2025.
- UBND các xã, thị trấn triển khai tuyên truyền; báo cáo kết quả về UBND huyện (qua Phòng Văn hóa, Khoa học và Thông tin) trước ngày 10/6/2025 để tổng hợp, báo cáo UBND tỉnh.
Đề nghị Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, thị trấn quan tâm thực hiện./.
@nn
Nơi nhận:
- Như trên;
- Sở KH&CN tỉnh Long An (b/c);
- TT Huyện ủy, TT HĐND huyện (b/c);
- CT, các PCT UBND huyện;
- Lưu: VT.
@sig
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH


Trần Văn Thành
@footer
Cơ quan chủ quản: Ủy ban nhân dân huyện Đức Hòa, tỉnh Long An
Địa chỉ: Khu phố 1, thị trấn Hậu Nghĩa, huyện Đức Hòa, tỉnh Long An - Điện thoại: (0272) 3850.xxx
Bản quyền © 2025 UBND huyện Đức Hòa. Phát triển bởi VNPT Long An.
"""

SOURCES["046_kh-52-ubnd-xa-mo-cay-cp1258.txt"] = """\
ỦY BAN NHÂN DÂN                       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ MỎ CÀY                                   Độc lập - Tự do - Hạnh phúc
Số: 52/KH-UBND                        Mỏ Cày, ngày 16 tháng 9 năm 2025

KẾ HOẠCH
Chuyển đổi số trong sản xuất, chế biến và tiêu thụ sản phẩm dừa
trên địa bàn xã Mỏ Cày năm 2025 - 2026

Thực hiện Kế hoạch số 14-KH/TU ngày 18/8/2025 của Ban Thường vụ Tỉnh ủy Vĩnh Long về thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia; Kế hoạch số 96/KH-UBND ngày 26/8/2025 của UBND tỉnh Vĩnh Long về chuyển đổi số nông nghiệp, nông thôn năm 2025 - 2026; Kế hoạch số 06-KH/ĐU ngày 05/9/2025 của Đảng ủy xã Mỏ Cày về thực hiện Nghị quyết số 57-NQ/TW,

UBND xã Mỏ Cày ban hành Kế hoạch chuyển đổi số trong sản xuất, chế biến và tiêu thụ sản phẩm dừa như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Ứng dụng công nghệ số nâng cao giá trị chuỗi sản phẩm dừa - cây trồng chủ lực của xã (diện tích trên 3.200 ha, thuộc vùng dừa Mỏ Cày của tỉnh Bến Tre trước đây); hỗ trợ nông dân, hợp tác xã, cơ sở chế biến tiếp cận thị trường trong và ngoài nước.
2. Phát huy vai trò của Tổ công nghệ số cộng đồng, Hội Nông dân, Đoàn Thanh niên xã.

II. CHỈ TIÊU
- 100% hợp tác xã dừa, 60% cơ sở chế biến (kẹo dừa, thạch dừa, chỉ xơ dừa, than thiêu kết) có gian hàng trên sàn thương mại điện tử.
- 1.500 ha dừa hữu cơ được cấp mã số vùng trồng và truy xuất nguồn gốc bằng mã QR.
- 80% hộ trồng dừa sử dụng ứng dụng nhận thông tin cảnh báo xâm nhập mặn, sâu bệnh (bọ cánh cứng, sâu đầu đen).

III. NHIỆM VỤ
1. Phòng Kinh tế chủ trì: hướng dẫn lập hồ sơ mã số vùng trồng, hoàn thành trước ngày 31/12/2025; phối hợp doanh nghiệp xuất khẩu dừa triển khai nhật ký canh tác điện tử.
2. Phòng Văn hóa - Xã hội: tổ chức 06 lớp tập huấn livestream bán hàng, kỹ năng số cho nông dân, ưu tiên phụ nữ và thanh niên; hoàn thành trong quý IV/2025.
3. Trung tâm phục vụ hành chính công xã: hướng dẫn cơ sở sản xuất đăng ký hộ kinh doanh, công bố sản phẩm trực tuyến.
4. Đề nghị Hội Nông dân xã vận động hội viên tham gia; Đoàn Thanh niên thành lập "Đội hình thanh niên hỗ trợ nông dân số".

IV. TỔ CHỨC THỰC HIỆN
Phòng Kinh tế là cơ quan thường trực, tổng hợp kết quả; các đơn vị báo cáo định kỳ 6 tháng; báo cáo năm 2025 gửi UBND xã trước ngày 10/12/2025 để báo cáo UBND tỉnh (qua Sở Nông nghiệp và Môi trường, Sở Khoa học và Công nghệ).

Nơi nhận:
- Sở Nông nghiệp và Môi trường (b/c);
- Sở Khoa học và Công nghệ (b/c);
- TT Đảng ủy, TT HĐND xã (b/c);
- CT, các PCT UBND xã;
- Hội Nông dân, Đoàn Thanh niên xã;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Võ Văn Hiếu
"""

SOURCES["047_ct-09-ubnd-tp-hue.html"] = """\
@site
title=Chỉ thị về tăng cường chuyển đổi số, bảo đảm vận hành thông suốt chính quyền địa phương hai cấp
portal=Cổng thông tin điện tử thành phố Huế
domain=hue.gov.vn
breadcrumb=Trang chủ|Chính quyền|Văn bản chỉ đạo điều hành|Chỉ thị
posted=Cập nhật lúc: 17/07/2025 07:55 | Nguồn: Văn phòng UBND thành phố
attach=09-CT-UBND.signed.pdf
@left
ỦY BAN NHÂN DÂN
THÀNH PHỐ HUẾ
-------
Số: 09/CT-UBND
@right
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Huế, ngày 16 tháng 7 năm 2025
@body
## CHỈ THỊ
## Về tăng cường chuyển đổi số, bảo đảm vận hành thông suốt chính quyền địa phương hai cấp trên địa bàn thành phố Huế
Từ ngày 01/7/2025, thành phố Huế chính thức vận hành mô hình chính quyền địa phương hai cấp với 40 xã, phường. Trong những ngày đầu, hệ thống thông tin giải quyết thủ tục hành chính, hệ thống quản lý văn bản và các nền tảng dùng chung (Hue-S, Hệ thống thông tin giải quyết thủ tục hành chính thành phố) về cơ bản hoạt động ổn định; người dân, doanh nghiệp đánh giá cao việc giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính. Tuy nhiên, vẫn còn tình trạng gián đoạn đường truyền tại một số xã miền núi (A Lưới 1, A Lưới 2, A Lưới 3, A Lưới 4, A Lưới 5); một số công chức chưa thành thạo nghiệp vụ trên phần mềm; tài khoản, chữ ký số của một số cán bộ chưa được cấp đổi kịp thời.
Để thực hiện nghiêm Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ, Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, Kế hoạch số 385-KH/TU ngày 28/02/2025 của Ban Thường vụ Thành ủy Huế, Chủ tịch UBND thành phố yêu cầu:
**1. Giám đốc Sở Khoa học và Công nghệ**
- Chủ trì bảo đảm hạ tầng, đường truyền, an toàn thông tin cho 40 xã, phường; thành lập tổ hỗ trợ kỹ thuật trực 24/7 trong tháng 7 và tháng 8/2025.
- Hoàn thành cấp đổi chứng thư số, tài khoản cho cán bộ, công chức cấp xã trước ngày 31/7/2025.
**2. Chánh Văn phòng UBND thành phố**
Theo dõi, đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp của các xã, phường; công khai kết quả hằng tháng trên Cổng thông tin điện tử thành phố.
**3. Giám đốc Công an thành phố**
Bảo đảm an ninh mạng; bảo vệ dữ liệu cá nhân theo Nghị định số 13/2023/NĐ-CP của Chính phủ; xử lý nghiêm các hành vi lừa đảo qua mạng.
**4. Giám đốc Sở Nội vụ**
Tổ chức bồi dưỡng kỹ năng số cho 100% công chức cấp xã, hoàn thành trước ngày 30/9/2025.
**5. Chủ tịch UBND các xã, phường**
- Trực tiếp chỉ đạo, chịu trách nhiệm về hoạt động của Trung tâm phục vụ hành chính công; bố trí công chức hướng dẫn người dân sử dụng dịch vụ công trực tuyến, ứng dụng Hue-S.
- Báo cáo tình hình vận hành hằng tuần (trước 16 giờ thứ Sáu) về Sở Khoa học và Công nghệ; báo cáo kết quả 6 tháng cuối năm trước ngày 10/12/2025.
**6. Tổ chức thực hiện**
Chỉ thị này thay thế Chỉ thị số 02/CT-UBND ngày 10/01/2025 của UBND thành phố về đẩy mạnh chuyển đổi số năm 2025. Giám đốc các sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các xã, phường nghiêm túc thực hiện Chỉ thị này./.
@nn
Nơi nhận:
- Bộ Khoa học và Công nghệ (b/c);
- TT Thành ủy, TT HĐND thành phố (b/c);
- CT, các PCT UBND thành phố;
- Các sở, ban, ngành;
- UBND các xã, phường;
- Lưu: VT, KGVX.
@sig
CHỦ TỊCH


Nguyễn Văn Phương
@footer
Cổng thông tin điện tử thành phố Huế - Cơ quan chủ quản: UBND thành phố Huế
Địa chỉ: 16 Lê Lợi, phường Thuận Hóa, thành phố Huế. Tổng đài 1022.
"""

SOURCES["048_kh-112-ubnd-huyen-huong-son-2017-tcvn3.txt"] = """\
UỶ BAN NHÂN DÂN                      CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN HƯƠNG SƠN                               Độc lập - Tự do - Hạnh phúc

Số: 112/KH-UBND                       Hương Sơn, ngày 14 tháng 9 năm 2017

KẾ HOẠCH
Thực hiện Chỉ thị số 16/CT-TTg ngày 04/5/2017 của Thủ tướng Chính phủ về việc tăng cường năng lực tiếp cận cuộc Cách mạng công nghiệp lần thứ 4 trên địa bàn huyện Hương Sơn

Thực hiện Chỉ thị số 16/CT-TTg ngày 04/5/2017 của Thủ tướng Chính phủ về việc tăng cường năng lực tiếp cận cuộc Cách mạng công nghiệp lần thứ 4; Kế hoạch số 301/KH-UBND ngày 18/8/2017 của Uỷ ban nhân dân tỉnh Hà Tĩnh về triển khai thực hiện Chỉ thị số 16/CT-TTg, Uỷ ban nhân dân huyện xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cán bộ, công chức, viên chức và Nhân dân trên địa bàn huyện về cuộc Cách mạng công nghiệp lần thứ 4; tạo chuyển biến trong ứng dụng công nghệ thông tin vào quản lý, điều hành và sản xuất, kinh doanh.
2. Gắn với việc thực hiện Nghị quyết số 36a/NQ-CP ngày 14/10/2015 của Chính phủ về Chính phủ điện tử và Chương trình quốc gia về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước giai đoạn 2016 - 2020 (Quyết định số 1819/QĐ-TTg ngày 26/10/2015 của Thủ tướng Chính phủ).

II. NHIỆM VỤ CỤ THỂ
1. Phòng Văn hoá và Thông tin: Tham mưu tổ chức tuyên truyền về cuộc Cách mạng công nghiệp lần thứ 4 trên Đài Truyền thanh huyện, Trang thông tin điện tử huyện; hướng dẫn các xã, thị trấn sử dụng phần mềm quản lý văn bản và điều hành (hoàn thành trước ngày 31/12/2017).
2. Văn phòng HĐND và UBND huyện: Triển khai bộ phận tiếp nhận và trả kết quả hiện đại; cung cấp dịch vụ công trực tuyến mức độ 3 đối với một số thủ tục hành chính.
3. Phòng Nông nghiệp và Phát triển nông thôn: Ứng dụng công nghệ cao trong sản xuất cam bù, chăn nuôi hươu; xây dựng trang thông tin quảng bá sản phẩm nông sản.
4. Phòng Giáo dục và Đào tạo: Đẩy mạnh ứng dụng công nghệ thông tin trong dạy học; tăng cường giáo dục khoa học, công nghệ, kỹ thuật và toán học (STEM) tại các trường trung học cơ sở.
5. Uỷ ban nhân dân các xã, thị trấn: Sử dụng thư điện tử công vụ trong trao đổi văn bản; cử cán bộ tham gia các lớp tập huấn do tỉnh, huyện tổ chức.

III. TỔ CHỨC THỰC HIỆN
Các cơ quan, đơn vị, Uỷ ban nhân dân các xã, thị trấn căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả về Uỷ ban nhân dân huyện (qua Phòng Văn hoá và Thông tin) trước ngày 05/12/2017 để tổng hợp, báo cáo Uỷ ban nhân dân tỉnh.

Nơi nhận:
- UBND tỉnh (b/c);
- Sở Thông tin và Truyền thông (b/c);
- TT Huyện uỷ, TT HĐND huyện (b/c);
- Chủ tịch, các PCT UBND huyện;
- Các phòng, ban, đơn vị;
- UBND các xã, thị trấn;
- Lưu: VT.

TM. UỶ BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Phan Văn Lượng
"""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
