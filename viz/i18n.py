"""Labels and formats of the province gap reports, in Vietnamese (the default) and English.

Vietnamese follows the usage of administrative documents: dates ``28/03/2025``, numbers
``1.234`` and ``0,9%``; English keeps ISO dates. This is the one table of labels (gap kinds,
levels, document types, relations, review actions, doubts and fields) every face uses; ``labels`` serves it as JSON to the app's
JavaScript. ``reason_text`` renders a gap's reason from its code and parameters.
"""

import datetime as dt
import re
from typing import Any, Literal

from ontology.codes import TYPE_NAMES
from ontology.gaps import Gap, Reason, ReasonCode

__all__ = [
    "ACTION_LABELS",
    "DOC_TYPE_EN",
    "DOUBT_LABELS",
    "FIELD_LABELS",
    "GAP_KIND_LABELS",
    "GAP_KIND_SHEETS",
    "LEVEL_LABELS",
    "RELATION_LABELS",
    "REVIEW_MARK",
    "REVIEW_STATE_LABELS",
    "Lang",
    "doc_type_label",
    "format_date",
    "format_int",
    "format_percent",
    "gap_json",
    "gap_kind_label",
    "labels",
    "level_label",
    "old_names_text",
    "reason_text",
    "relation_label",
    "report_date_line",
    "review_state_label",
    "t",
]

type Lang = Literal["vi", "en"]

# Gap kinds: (Vietnamese, English). Order follows graph.gaps.GAP_KINDS.
GAP_KIND_LABELS: dict[str, tuple[str, str]] = {
    "no_basis": ("Kế hoạch chưa có văn bản căn cứ", "Plan with no basis document"),
    "basis_missing": ("Văn bản căn cứ chưa được thu thập", "Basis document not collected"),
    "chain_broken": (
        "Chuỗi căn cứ không tới văn bản Trung ương",
        "Basis chain never reaches a central document",
    ),
    "no_report": ("Chưa có báo cáo", "No report"),
    "report_overdue": ("Báo cáo quá hạn", "Report overdue"),
    "report_without_plan": ("Có báo cáo nhưng chưa có kế hoạch", "Report without a plan"),
    "urged_no_response": ("Đã đôn đốc nhưng chưa có phản hồi", "Urged with no response"),
    "unit_coverage": ("Đơn vị chưa có văn bản triển khai", "Unit with no implementing document"),
}

# Worksheet names: at most 31 characters, none of []:*?/\ (checked in tests).
GAP_KIND_SHEETS: dict[str, tuple[str, str]] = {
    "no_basis": ("KH chưa có căn cứ", "No basis"),
    "basis_missing": ("Căn cứ chưa thu thập", "Basis missing"),
    "chain_broken": ("Chuỗi căn cứ đứt", "Chain broken"),
    "no_report": ("Chưa có báo cáo", "No report"),
    "report_overdue": ("Báo cáo quá hạn", "Report overdue"),
    "report_without_plan": ("Báo cáo chưa có KH", "Report without plan"),
    "urged_no_response": ("Đôn đốc chưa phản hồi", "Urged no response"),
    "unit_coverage": ("Đơn vị chưa triển khai", "Unit coverage"),
}

LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "central": ("Trung ương", "Central"),
    "province": ("Cấp tỉnh", "Province"),
    "district": ("Cấp huyện (trước 01/7/2025)", "District (before 1 Jul 2025)"),
    "commune": ("Cấp xã", "Commune"),
    "unknown": ("Chưa xác định", "Unknown"),
}

RELATION_LABELS: dict[str, tuple[str, str]] = {
    "implements": ("thực hiện", "implements"),
    "reports_on": ("báo cáo về", "reports on"),
    "urges": ("đôn đốc", "urges"),
    "cites": ("trích dẫn", "cites"),
}

# Whether a person confirmed what a gap row rests on (``ontology.review.ReviewState``).
REVIEW_STATE_LABELS: dict[str, tuple[str, str]] = {
    "confirmed": ("Đã được cán bộ xác nhận", "Confirmed by a person"),
    "machine_read": ("Máy đọc", "Machine-read"),
    "low_confidence": ("Máy đọc, độ tin cậy thấp", "Machine-read, low confidence"),
}

# The mark beside a machine-read row of low confidence, in every report.
REVIEW_MARK = "(*)"

# Review (ontology.review): what a correction does, and why a fact is in the review queue.
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "confirm": ("Xác nhận đúng", "Confirm"),
    "reject": ("Không phải dẫn chiếu", "Reject (not a reference)"),
    "relation": ("Sửa quan hệ", "Change relation"),
    "retarget": ("Trỏ tới văn bản khác", "Point at another document"),
    "add_link": ("Thêm liên kết", "Add a link"),
    "set": ("Sửa thông tin", "Correct a field"),
    "not_document": ("Không phải văn bản chính thức", "Not an official document"),
    "merge": ("Gộp với văn bản khác", "Merge with another document"),
    "split": ("Tách thành văn bản riêng", "Split into another document"),
}

DOUBT_LABELS: dict[str, tuple[str, str]] = {
    "relation_low": ("Quan hệ đọc với độ tin cậy thấp", "Relation read with low confidence"),
    "ambiguous": ("Dẫn chiếu khớp nhiều văn bản", "Reference matches several documents"),
    "probable": ("Dẫn chiếu khớp theo quy tắc lỏng", "Reference resolved by a looser rule"),
    "identity_collision": ("Các tệp cùng khóa nhưng khác nội dung", "Files of one key disagree"),
    "no_date": ("Không đọc được ngày ban hành", "No date read"),
    "no_province": ("Không xác định được tỉnh/thành", "No province read"),
    "ocr": ("Văn bản đọc bằng OCR", "Text read by OCR"),
    "not_document": ("Máy cho là không phải văn bản chính thức", "Left out as no official document"),
    "unattached": ("Hiệu chỉnh không còn tìm thấy đích", "Correction no longer finds its target"),
}

# The document fields a reviewer sets (ontology.review.DOCUMENT_FIELDS).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "number": ("Số hiệu", "Number"),
    "doc_type": ("Loại văn bản", "Document type"),
    "issuer": ("Cơ quan ban hành", "Issuer"),
    "level": ("Cấp", "Level"),
    "locality": ("Địa bàn", "Locality"),
    "province": ("Tỉnh/thành", "Province"),
    "province_at_issue": ("Tỉnh khi ban hành", "Province at issue"),
    "date": ("Ngày ban hành", "Date"),
    "title": ("Trích yếu", "Title"),
    "signer": ("Người ký", "Signer"),
}

DOC_TYPE_EN: dict[str, str] = {
    "Kế hoạch": "Plan",
    "Chương trình": "Programme",
    "Đề án": "Scheme",
    "Phương án": "Operational plan",
    "Báo cáo": "Report",
    "Công văn": "Official letter",
    "Thông báo": "Notice",
    "Nghị quyết": "Resolution",
    "Nghị định": "Decree",
    "Chỉ thị": "Directive",
    "Quyết định": "Decision",
    "Kết luận": "Conclusion",
    "Hướng dẫn": "Guidance",
    "Luật": "Law",
    "Thông tư": "Circular",
    "Quy định": "Regulation",
    "Tờ trình": "Submission",
    "Chương trình hành động": "Action programme",
    "Kế hoạch hành động": "Action plan",
    "Thông báo kết luận": "Notice of conclusions",
    "Nghị quyết liên tịch": "Joint resolution",
    "Thông tư liên tịch": "Joint circular",
    "Quy chế": "Rules",
    "Thông tri": "Party circular",
    "Thông cáo": "Communiqué",
    "Công điện": "Dispatch",
    "Biên bản": "Minutes",
    "Dự án": "Project",
    "Pháp lệnh": "Ordinance",
    "Hiến pháp": "Constitution",
    "Lệnh": "Order",
    "unknown": "Unknown",
}

# Every other label: key -> (Vietnamese, English).
_TEXT: dict[str, tuple[str, str]] = {
    "report": ("BÁO CÁO", "REPORT"),
    "report_title": ("Báo cáo rà soát văn bản triển khai", "Implementation review report"),
    "subject": (
        "Rà soát tình hình ban hành văn bản triển khai và báo cáo – {province}",
        "Review of implementing documents and reports – {province}",
    ),
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "number_line": ("Số: {number}/{symbol}", "No.: {number}/{symbol}"),
    "date_blank": ("{place}, ngày {b} tháng {b} năm {b}", "{place}, {b}"),
    "province_kind_city": ("Thành phố", "City"),
    "province_kind_province": ("Tỉnh", "Province"),
    "opening": (
        "Trên cơ sở rà soát các văn bản đã thu thập đến ngày {as_of}, báo cáo tình hình ban hành văn bản "
        "triển khai và thực hiện chế độ báo cáo tại {province} như sau:",
        "Having reviewed the documents collected up to {as_of}, this report sets out how implementing "
        "documents were issued and reports made in {province}:",
    ),
    "snapshot": ("Dữ liệu", "Snapshot"),
    "snapshot_hash": ("Mã dữ liệu", "Corpus hash"),
    "snapshot_time": ("Thời điểm", "Taken"),
    "snapshot_files": ("Số tệp", "Files"),
    "as_of": ("Tính đến ngày", "As of"),
    "vn_time": ("giờ Việt Nam", "Viet Nam time"),
    "generated_by": ("Lập bởi hệ thống theo dõi văn bản (directive-lineage)", "Made by directive-lineage"),
    "sec_overview": ("Tổng quan", "Overview"),
    "sec_coverage": ("Độ bao phủ đơn vị", "Unit coverage"),
    "sec_gaps": ("Các thiếu sót theo loại", "Gaps by kind"),
    "sec_timeline": ("Ban hành và thời hạn theo tháng", "Issuance and deadlines by month"),
    "sec_communes": ("Xã, phường chưa có văn bản", "Communes with no document"),
    "documents": ("Văn bản đã thu thập", "Documents collected"),
    "edges": ("Quan hệ (căn cứ, báo cáo, đôn đốc, viện dẫn)", "Links (basis, report, urging, citation)"),
    "gaps_total": ("Tổng số thiếu sót", "Gaps in total"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "value": ("Giá trị", "Value"),
    "count": ("Số lượng", "Count"),
    "province": ("Tỉnh, thành phố", "Province"),
    "old_provinces": ("Tỉnh cũ hợp nhất", "Former provinces merged"),
    "by_level": ("Văn bản theo cấp ban hành", "Documents by issuing level"),
    "by_type": ("Văn bản theo loại", "Documents by type"),
    "level": ("Cấp", "Level"),
    "doc_type": ("Loại văn bản", "Document type"),
    "coverage_by_level": ("Độ bao phủ theo cấp (%)", "Coverage by level (%)"),
    "communes": ("Xã, phường, đặc khu", "Communes, wards, special zones"),
    "departments": ("Sở, ngành cấp tỉnh", "Provincial departments"),
    "covered": ("Có văn bản", "With a document"),
    "total": ("Tổng số", "Total"),
    "rate": ("Tỷ lệ", "Rate"),
    "department": ("Sở, ngành", "Department"),
    "has_document": ("Có văn bản", "Has a document"),
    "yes": ("Có", "Yes"),
    "no": ("Chưa có", "No"),
    "communes_covered_line": (
        "{covered}/{total} xã, phường, đặc khu có văn bản triển khai ({rate}).",
        "{covered} of {total} communes, wards and special zones have an implementing document ({rate}).",
    ),
    "departments_line": (
        "{covered}/{total} sở, ngành có văn bản ({rate}).",
        "{covered} of {total} departments have a document ({rate}).",
    ),
    "communes_none": ("Tất cả xã, phường đều đã có văn bản.", "Every commune has a document."),
    "gaps_by_kind": ("Thiếu sót theo loại", "Gaps by kind"),
    "kind": ("Loại thiếu sót", "Gap kind"),
    "no_gaps": ("Không phát hiện thiếu sót.", "No gaps found."),
    "no_data": ("Chưa có dữ liệu", "No data"),
    "issued": ("Văn bản ban hành", "Documents issued"),
    "deadlines": ("Thời hạn báo cáo", "Report deadlines"),
    "month": ("Tháng", "Month"),
    "col_no": ("STT", "No."),
    "col_document": ("Văn bản", "Document"),
    "col_number": ("Số, ký hiệu", "Number"),
    "col_key": ("Mã văn bản", "Document key"),
    "col_type": ("Loại", "Type"),
    "col_title": ("Trích yếu", "Title"),
    "col_date": ("Ngày ban hành", "Date"),
    "col_unit": ("Đơn vị", "Unit"),
    "col_level": ("Cấp", "Level"),
    "col_reason": ("Lý do", "Reason"),
    "col_evidence": ("Trích dẫn", "Evidence"),
    "col_due": ("Hạn", "Due"),
    "col_source": ("Tệp nguồn", "Source file"),
    "col_related": ("Văn bản liên quan", "Related"),
    "col_directive": ("Văn bản chỉ đạo", "Directive"),
    "col_units": ("Đơn vị chưa có văn bản triển khai", "Units with no implementing document"),
    "col_province_cell": ("Cấp tỉnh có văn bản", "Province has a document"),
    "sec_directives": ("Độ bao phủ theo văn bản chỉ đạo", "Coverage by directive"),
    "directives_none": (
        "Chưa có văn bản chỉ đạo nào được theo dõi trong dữ liệu.",
        "No tracked directive is in the store.",
    ),
    "uncovered_units": (
        "Đơn vị chưa có văn bản triển khai văn bản chỉ đạo",
        "Units with no document carrying out a directive",
    ),
    "province_unknown": ("(chưa xác định tỉnh)", "(province unknown)"),
    "province_unknown_note": (
        "văn bản không ghi rõ tỉnh: giữ nguyên, không suy đoán",
        "the province could not be read from the document: kept, never guessed",
    ),
    "no_number": ("(không số)", "(no number)"),
    "recipients": ("Nơi nhận:", "Recipients:"),
    "recipients_default": ("- {blank};|- Lưu: VT.", "- {blank};|- File."),
    "sec_findings": ("Tồn tại, hạn chế", "Shortcomings"),
    "sec_proposals": ("Kiến nghị, đề xuất", "Proposals"),
    "findings_intro": (
        "Qua rà soát, các tồn tại, hạn chế lớn nhất theo số trường hợp:",
        "The largest gaps found, by number of cases:",
    ),
    "findings_kind": (
        "{kind}: {n} trường hợp (mục III.{section}).",
        "{kind}: {n} (section III.{section}).",
    ),
    "findings_units": (
        "{n} lượt đơn vị chưa có văn bản triển khai văn bản chỉ đạo được theo dõi (mục II.4).",
        "{n} units with no document carrying out a tracked directive (section II.4).",
    ),
    "findings_none": ("Qua rà soát dữ liệu, chưa phát hiện tồn tại, hạn chế.", "The review found no gaps."),
    "all_gaps_sheet": ("Tất cả thiếu sót", "All gaps"),
    "open_row": ("Xem dòng {row} của sheet “{sheet}”", "Row {row} of sheet '{sheet}'"),
    "snapshot_footer": ("Nguồn dữ liệu", "Data source"),
    "summary_sheet": ("Tổng quan", "Summary"),
    "communes_sheet": ("Xã chưa có văn bản", "Communes without document"),
    "index_title": ("Báo cáo rà soát theo tỉnh, thành phố", "Province review reports"),
    "files": ("Tệp", "Files"),
    "more_evidence": ("và {n} trích dẫn khác", "and {n} more"),
    "units_count": ("{n} đơn vị", "{n} units"),
    "contents": ("Mục lục", "Contents"),
    "chart_gaps_by_kind": ("Số thiếu sót theo loại", "Gaps by kind"),
    "chart_docs_by_level": ("Số văn bản theo cấp", "Documents by level"),
    "col_review": ("Mức độ xác nhận", "Review"),
    "review_heading": ("Mức độ xác nhận của thiếu sót", "Gaps checked by a person"),
    "review_line": (
        "Trong {total} thiếu sót nêu tại báo cáo: {confirmed} thiếu sót đã được cán bộ rà soát xác nhận, "
        "{machine} thiếu sót do máy đọc từ văn bản, trong đó {low} thiếu sót có độ tin cậy thấp "
        "(đánh dấu {mark} trong các bảng), cần kiểm tra lại trước khi sử dụng.",
        "Of the {total} gaps in this report, {confirmed} were confirmed by a person and {machine} are "
        "machine-read from the documents, {low} of them of low confidence (marked {mark} in the tables): "
        "check them before relying on them.",
    ),
    "review_mark_note": (
        "{mark} Máy đọc, độ tin cậy thấp: cần kiểm tra lại.",
        "{mark} Machine-read, low confidence: check before relying on it.",
    ),
}


def t(key: str, lang: Lang = "vi", **fields: object) -> str:
    """The label ``key`` in ``lang``, with ``{fields}`` filled in."""
    vi, en = _TEXT[key]
    text = vi if lang == "vi" else en
    return text.format(**fields) if fields else text


def _pick(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]


def gap_kind_label(kind: str, lang: Lang = "vi") -> str:
    return _pick(GAP_KIND_LABELS, kind, lang)


def relation_label(relation: str, lang: Lang = "vi") -> str:
    return _pick(RELATION_LABELS, relation, lang)


def review_state_label(state: str, lang: Lang = "vi") -> str:
    """A gap row's review state (``confirmed``, ``machine_read``, ``low_confidence``) for people."""
    return _pick(REVIEW_STATE_LABELS, state, lang)


def level_label(level: str | None, lang: Lang = "vi") -> str:
    return _pick(LEVEL_LABELS, level or "unknown", lang)


def doc_type_label(doc_type: str | None, lang: Lang = "vi") -> str:
    name = doc_type or "unknown"
    if lang == "en":
        return DOC_TYPE_EN.get(name, name)
    return "Chưa xác định" if name == "unknown" else name


def format_date(value: str | None, lang: Lang = "vi") -> str:
    """``2025-03-28`` → ``28/03/2025`` (vi) or as is (en); partial dates ``2025-09`` → ``09/2025``."""
    if not value:
        return ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if m is None or lang == "en":
        return value
    y, mo, d = m.groups()
    return "/".join(p for p in (d, mo, y) if p)


def format_int(n: int, lang: Lang = "vi") -> str:
    s = f"{n:,}"
    return s.replace(",", ".") if lang == "vi" else s


def format_percent(part: int, whole: int, lang: Lang = "vi") -> str:
    if whole <= 0:
        return "–"
    s = f"{100 * part / whole:.1f}%"
    return s.replace(".", ",") if lang == "vi" else s


def report_date_line(place: str, date: dt.date, lang: Lang = "vi") -> str:
    """``Hải Phòng, ngày 05 tháng 02 năm 2026``: NĐ 30/2020 writes days below 10 and months below 3
    with a leading zero."""
    if lang == "en":
        return f"{place}, {date.strftime('%d %B %Y')}"
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {day} tháng {month} năm {date.year}"


def old_names_text(old_names: list[str], lang: Lang = "vi") -> str:
    """``gồm tỉnh Hải Dương cũ`` / ``including the former Hải Dương province``; empty if none."""
    if not old_names:
        return ""
    if lang == "vi":
        return "gồm " + " và ".join(f"tỉnh {n}" for n in old_names) + " cũ"
    names = " and ".join(old_names)
    return f"including the former {names} province{'s' if len(old_names) > 1 else ''}"


# -- reasons ---------------------------------------------------------------------------------

# One template per reason code: (Vietnamese, English). Dates are formatted for the language.
_REASONS: dict[ReasonCode, tuple[str, str]] = {
    ReasonCode.PLAN_WITHOUT_BASIS: (
        "Kế hoạch, chương trình cấp dưới Trung ương không nêu văn bản căn cứ để triển khai",
        "Plan or programme below central level with no basis it implements",
    ),
    ReasonCode.BASIS_AMBIGUOUS: (
        "Văn bản căn cứ {basis} được viện dẫn nhưng không xác định được duy nhất (trùng số, ký hiệu): "
        "chưa kiểm tra được chuỗi căn cứ",
        "Its basis {basis} is cited but the citation is ambiguous: the chain cannot be checked",
    ),
    ReasonCode.BASIS_NOT_INGESTED: (
        "Văn bản căn cứ {basis} được viện dẫn nhưng chưa được thu thập và không có trong danh mục: "
        "chưa kiểm tra được chuỗi căn cứ",
        "Its basis {basis} is cited but neither ingested nor in the catalog: the chain cannot be checked",
    ),
    ReasonCode.CHAIN_NOT_CENTRAL: (
        "Lần theo các văn bản căn cứ lên trên không tới văn bản nào của Trung ương",
        "Following its bases upward never reaches a central document",
    ),
    ReasonCode.NO_REPORT_BY_DEADLINE: (
        "Chưa có báo cáo về kế hoạch này; hạn {due} (theo thời hạn báo cáo {deadline})",
        "No report on this plan; due {due} (its report deadline {deadline})",
    ),
    ReasonCode.NO_REPORT_AFTER_DATE: (
        "Chưa có báo cáo về kế hoạch này; hạn {due} ({days} ngày kể từ ngày ban hành {since})",
        "No report on this plan; due {due} ({days} days after its date, {since})",
    ),
    ReasonCode.NO_REPORT_AFTER_CITED: (
        "Chưa có báo cáo về kế hoạch này; hạn {due} ({days} ngày kể từ văn bản được viện dẫn gần nhất, {since})",
        "No report on this plan; due {due} ({days} days after the latest document it cites, {since})",
    ),
    ReasonCode.NO_REPORT_UNDATED: (
        "Chưa có báo cáo về kế hoạch này; không có ngày để tính hạn",
        "No report on this plan; no date to count from",
    ),
    ReasonCode.REPORT_NOT_RECEIVED: (
        "Chưa nhận được báo cáo của {assignee} (hạn {due})",
        "Report from {assignee} due {due} has not come",
    ),
    ReasonCode.REPORT_WITHOUT_PLAN: (
        "Có báo cáo về {subject} nhưng đơn vị chưa có kế hoạch triển khai văn bản này",
        "Reports on {subject} but its unit has no plan implementing it",
    ),
    ReasonCode.URGED_NO_RESPONSE: (
        "Đã đôn đốc {recipients} thực hiện {directive}; chưa có văn bản triển khai hoặc báo cáo nào sau đó",
        "Urged {recipients} to carry out {directive}; no later implementing document or report from them",
    ),
    ReasonCode.PROVINCE_NOT_COVERED: (
        "Chưa có văn bản nào của {unit} triển khai {directive}",
        "No document in {unit} implements {directive}",
    ),
    ReasonCode.UNIT_NOT_COVERED: (
        "Chưa có văn bản nào của {unit} triển khai {directive}",
        "No document of {unit} implements {directive}",
    ),
}

# What an empty parameter stands for.
_EMPTY_PARAM: dict[str, tuple[str, str]] = {
    "assignee": ("các cơ quan, đơn vị được giao", "the addressees"),
    "recipients": ("các cơ quan, đơn vị nhận văn bản", "its addressees"),
}
_DATE_PARAMS = frozenset({"due", "deadline", "since"})


def reason_text(reason: Reason, lang: Lang = "vi") -> str:
    """A gap's reason for people, rendered from its code and parameters in ``lang``."""
    vi, en = _REASONS[reason.code]
    fields: dict[str, str] = {}
    for name, value in reason.params:
        if isinstance(value, tuple):
            text = ", ".join(value)
        elif isinstance(value, int):
            text = format_int(value, lang)
        else:
            text = format_date(value, lang) if name in _DATE_PARAMS else value
        text = " ".join(text.split())
        if not text and name in _EMPTY_PARAM:
            text = _EMPTY_PARAM[name][0 if lang == "vi" else 1]
        fields[name] = text
    return (vi if lang == "vi" else en).format(**fields)


def gap_json(gap: Gap, lang: Lang = "vi") -> dict[str, Any]:
    """A gap row as the JSON faces give it: the record, with its reason also rendered in ``lang``."""
    return {**gap.to_json(), "reason_text": reason_text(gap.reason, lang)}


def labels(lang: Lang = "vi") -> dict[str, dict[str, str]]:
    """Every label table in one language, as served to the app's JavaScript (``GET /labels``)."""
    i = 0 if lang == "vi" else 1
    return {
        "gap_kinds": {k: v[i] for k, v in GAP_KIND_LABELS.items()},
        "levels": {k: v[i] for k, v in LEVEL_LABELS.items()},
        "doc_types": {k: doc_type_label(k, lang) for k in (*TYPE_NAMES, "unknown")},
        "relations": {k: v[i] for k, v in RELATION_LABELS.items()},
        "review_states": {k: v[i] for k, v in REVIEW_STATE_LABELS.items()},
        "actions": {k: v[i] for k, v in ACTION_LABELS.items()},
        "doubts": {k: v[i] for k, v in DOUBT_LABELS.items()},
        "fields": {k: v[i] for k, v in FIELD_LABELS.items()},
    }
