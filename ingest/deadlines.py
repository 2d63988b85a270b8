"""Deadlines a document sets: "hoàn thành trước 10/3/2025", "báo cáo … trước ngày 28/3/2025",
"hoàn thành trong tháng 3/2025", with the unit that must meet them and whether a report is due.

The assignee is the unit heading the numbered item the deadline sits in ("1. UBND huyện: …",
"(1) Các thành viên Ban Chỉ đạo; …"); an item headed by something else (a task, "Thời gian")
gives no assignee rather than a guess.
"""

import re
from bisect import bisect_left

from ingest.dates import DATE_NUM, to_date_value
from ingest.layout import Layout
from ingest.records import Deadline, Evidence, NormalizedText

__all__ = ["find_deadlines"]

# Each pattern opens with a look-ahead for the first letters of its cue words: the regex engine
# then tests one character class per position instead of every case-folded alternative.
_DAY = re.compile(
    rf"(?=[TtCcMmHhKk])(?:trước|chậm\s+nhất(?:\s+là)?|muộn\s+nhất|hạn\s+chót|không\s+muộn\s+hơn|không\s+quá)\s+(?:ngày\s+)?"
    rf"(?:(?:{DATE_NUM})|(?P<wd>\d{{1,2}})\s+tháng\s+(?P<wm>\d{{1,2}})\s+năm\s+(?P<wy>(?:19|20)\d\d))",
    re.I,
)
_MONTH = re.compile(
    r"(?=[HhXxKkBb])(?:hoàn\s+thành|xong|kết\s+thúc|báo\s+cáo)\s+(?:\w+\s+){0,2}trong\s+tháng\s+(?P<m>\d{1,2})\s*[/-]\s*(?P<y>(?:19|20)\d\d)",
    re.I,
)
_ITEM = re.compile(r"^[ \t*]*(?:\d+(?:\.\d+)*\.|\(\d+\)|[a-zđ]\)|[IVX]+\.)[ \t]*(?P<head>[^\n]+)$", re.M)
_UNIT_HEAD = re.compile(
    r"^(?:UBND|Ủy\s+ban|Uỷ\s+ban|Ban\b|Sở\b|Phòng\b|Văn\s+phòng|Công\s+an|Đảng\s+(?:ủy|uỷ)|Huyện\s+(?:ủy|uỷ)|"
    r"Tỉnh\s+(?:ủy|uỷ)|Thành\s+(?:ủy|uỷ)|Mặt\s+trận|MTTQ|UBMTTQ|Trung\s+tâm|Hội\b|Đoàn\b|Trường\b|Bộ\b|"
    r"Cơ\s+quan|Thủ\s+trưởng|Chủ\s+tịch|Giám\s+đốc|Chi\s+bộ|Đài\b|Kho\s+bạc|Thanh\s+tra|Hội\s+đồng|Tổ\b|"
    r"Các\s+(?:thành\s+viên|sở|ban|cơ\s+quan|đơn\s+vị|xã|phường|chi|đảng\s+bộ|phòng|địa\s+phương|tổ\s+chức|"
    r"huyện|cấp|ngành|trường|doanh\s+nghiệp|hội|đoàn\s+thể|Sở|Ban|UBND|Ủy\s+ban))",
)
_REPORT = re.compile(r"báo\s+cáo", re.I)


_HEAD_MAX = 200  # characters before the colon: a longer item head is a task, not a unit


class _Items:
    """The numbered items of the body, found once: the item a deadline sits in is a bisection away
    (scanning from the body's start for each deadline was quadratic on a long text)."""

    def __init__(self, text: str, body_start: int) -> None:
        self.text = text
        found = [(m.start(), m.span("head")) for m in _ITEM.finditer(text, body_start)]
        self.starts = [start for start, _ in found]
        self.heads = [head for _, head in found]

    def assignee(self, pos: int) -> str | None:
        """The unit heading the last item that starts before ``pos`` (its head read up to ``pos``)."""
        i = bisect_left(self.starts, pos) - 1
        while i >= 0 and self.heads[i][0] >= pos:
            i -= 1  # the item's marker ends at pos: no head before it
        if i < 0:
            return None
        hs, he = self.heads[i]
        end = min(he, pos)
        colon = self.text.find(":", hs, min(end, hs + _HEAD_MAX + 1))
        if colon < 0 and end - hs > _HEAD_MAX:
            return None
        head = re.sub(r"\s+", " ", self.text[hs : colon if colon >= 0 else end]).strip(" .;,*")
        if not _UNIT_HEAD.match(head):
            return None
        if len(head) > 80 and ";" in head:
            head = head.split(";", 1)[0].strip()
        return head


def find_deadlines(norm: NormalizedText, lay: Layout) -> list[Deadline]:
    """Deadlines in the body, one per (date, assignee), in the order they appear."""
    text = norm.text
    found: list[tuple[int, int, str]] = []
    for m in _DAY.finditer(text, lay.body_start, lay.closing_start):
        if m.group("wy"):
            value = to_date_value(int(m.group("wd")), int(m.group("wm")), int(m.group("wy")))
        else:
            value = to_date_value(int(m.group("nd")), int(m.group("nm")), int(m.group("ny")))
        if value is not None:
            found.append((m.start(), m.end(), value.iso))
    for m in _MONTH.finditer(text, lay.body_start, lay.closing_start):
        value = to_date_value(None, int(m.group("m")), int(m.group("y")))
        if value is not None:
            found.append((m.start(), m.end(), value.iso))
    found.sort()
    out: list[Deadline] = []
    seen: set[tuple[str, str | None]] = set()
    items = _Items(text, lay.body_start)
    for start, _end, iso in found:
        assignee = items.assignee(start)
        if (iso, assignee) in seen:
            continue
        seen.add((iso, assignee))
        a, b = lay.sentence_at(start)
        s, e = norm.to_original(a, b)
        report_due = bool(_REPORT.search(text[a:start]))
        out.append(Deadline(iso, assignee, report_due, Evidence(s, e, norm.original[s:e])))
    return out
