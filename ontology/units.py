"""Provincial departments expected in every province after the 2025 reorganisation.

Used to measure department coverage in province gap reports. Names as they are written in
documents; ``match`` holds folded keywords that identify a department in an issuer name.
Source: Nghị định 45/2025/NĐ-CP (tổ chức các cơ quan chuyên môn thuộc UBND cấp tỉnh) as commonly
applied from 1 March 2025; Sở Ngoại vụ and Sở Dân tộc và Tôn giáo exist only in some provinces.
"""

__all__ = ["PROVINCIAL_DEPARTMENTS"]

PROVINCIAL_DEPARTMENTS: tuple[tuple[str, str], ...] = (
    ("Văn phòng UBND tỉnh", "van phong uy ban nhan dan|van phong ubnd"),
    ("Sở Nội vụ", "so noi vu"),
    ("Sở Tư pháp", "so tu phap"),
    ("Sở Tài chính", "so tai chinh"),
    ("Sở Công Thương", "so cong thuong"),
    ("Sở Nông nghiệp và Môi trường", "so nong nghiep"),
    ("Sở Xây dựng", "so xay dung"),
    ("Sở Khoa học và Công nghệ", "so khoa hoc|skhcn"),
    ("Sở Giáo dục và Đào tạo", "so giao duc|sgddt"),
    ("Sở Y tế", "so y te"),
    ("Sở Văn hóa, Thể thao và Du lịch", "so van hoa"),
    ("Thanh tra tỉnh", "thanh tra tinh"),
)
