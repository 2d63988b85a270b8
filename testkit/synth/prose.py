"""Filler prose of the synthetic documents: purposes, tasks, results, difficulties.

The sentences carry no document symbol, no date after ``trước`` and no basis cue followed by a
reference, so they never add a relation or a deadline: the relations and deadlines of a synthetic
document are exactly the ones its generator writes on purpose.
"""

import random

__all__ = ["TOPICS", "Topic", "difficulties", "next_steps", "purposes", "requirements", "results", "tasks"]


class Topic:
    """A policy area: how titles and sentences name it."""

    __slots__ = ("name", "short")

    def __init__(self, name: str, short: str) -> None:
        self.name = name  # "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số"
        self.short = short  # "chuyển đổi số"


TOPICS: dict[str, Topic] = {
    "khcn": Topic("phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "chuyển đổi số"),
    "cds": Topic("chuyển đổi số trong hoạt động của các cơ quan trong hệ thống chính trị", "chuyển đổi số"),
    "ktn": Topic("phát triển kinh tế tư nhân", "phát triển kinh tế tư nhân"),
    "gd": Topic("đột phá phát triển giáo dục và đào tạo", "phát triển giáo dục và đào tạo"),
    "yt": Topic("tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân", "chăm sóc sức khỏe Nhân dân"),
}

_PURPOSES = (
    "Quán triệt, triển khai đầy đủ, kịp thời các quan điểm, mục tiêu, nhiệm vụ và giải pháp về {t}; tạo sự "
    "thống nhất cao trong nhận thức và hành động của cán bộ, công chức, viên chức và Nhân dân.",
    "Xác định rõ nhiệm vụ, trách nhiệm của từng cơ quan, đơn vị, gắn trách nhiệm của người đứng đầu với kết "
    "quả thực hiện {s}.",
    "Cụ thể hóa các nhiệm vụ, giải pháp phù hợp với điều kiện thực tế của địa phương, bảo đảm tính khả thi, "
    "có lộ trình và phân công cụ thể.",
    "Huy động sự vào cuộc của cả hệ thống chính trị, doanh nghiệp và người dân trong triển khai {s}.",
    "Tạo chuyển biến rõ nét về {s}, góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội.",
    "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền, người đứng đầu các cơ quan, đơn vị về vị trí, vai "
    "trò, tầm quan trọng của {s} trong giai đoạn mới.",
    "Phát huy sức mạnh tổng hợp của cả hệ thống chính trị, tạo sự đồng thuận của doanh nghiệp và Nhân dân; lấy "
    "người dân, doanh nghiệp làm trung tâm, là chủ thể trong quá trình triển khai.",
)
_REQUIREMENTS = (
    "Việc triển khai phải bảo đảm nghiêm túc, thiết thực, hiệu quả, tránh hình thức, lãng phí.",
    "Các nhiệm vụ phải được phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm và rõ kết quả.",
    "Tăng cường phối hợp giữa các cơ quan, đơn vị; thường xuyên theo dõi, kiểm tra, đánh giá kết quả thực hiện.",
    "Bám sát chỉ đạo của cấp trên, lồng ghép với việc thực hiện các nhiệm vụ chính trị của địa phương.",
    "Định kỳ sơ kết, đánh giá, rút kinh nghiệm; kịp thời biểu dương, khen thưởng tập thể, cá nhân có thành tích "
    "tiêu biểu, chỉ ra những hạn chế để khắc phục.",
    "Bảo đảm sự lãnh đạo, chỉ đạo thống nhất, xuyên suốt; huy động và sử dụng hiệu quả các nguồn lực.",
)
_TASKS = (
    "Đổi mới nội dung, hình thức tuyên truyền về {s} trên các phương tiện thông tin đại chúng và nền tảng số.",
    "Rà soát, hoàn thiện cơ chế, chính sách liên quan đến {s} thuộc thẩm quyền của địa phương.",
    "Đầu tư, nâng cấp hạ tầng số, bảo đảm kết nối thông suốt từ tỉnh đến cơ sở.",
    "Nâng cao chất lượng cung cấp dịch vụ công trực tuyến toàn trình, giảm thời gian và chi phí cho người dân.",
    "Xây dựng, cập nhật cơ sở dữ liệu chuyên ngành bảo đảm đúng, đủ, sạch, sống.",
    "Bồi dưỡng kỹ năng số cho đội ngũ cán bộ, công chức, viên chức và người lao động.",
    "Huy động các nguồn lực xã hội hóa, khuyến khích doanh nghiệp tham gia {s}.",
    "Tăng cường bảo đảm an toàn thông tin mạng trong hoạt động của các cơ quan nhà nước.",
    "Phát huy vai trò của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội trong giám sát việc thực hiện.",
    "Ứng dụng nền tảng số trong quản lý, điều hành; vận hành hiệu quả hệ thống quản lý văn bản và hồ sơ công việc, "
    "bảo đảm 100% văn bản được ký số và gửi nhận trên môi trường điện tử.",
    "Tổ chức các lớp tập huấn, bồi dưỡng kiến thức về {s} cho cán bộ chủ chốt, công chức chuyên môn và tổ công "
    "nghệ số cộng đồng ở thôn, tổ dân phố.",
    "Rà soát, sắp xếp, bố trí hợp lý nguồn nhân lực; ưu tiên tuyển dụng, thu hút người có trình độ chuyên môn phù "
    "hợp với yêu cầu nhiệm vụ.",
    "Lồng ghép các nội dung về {s} vào chương trình công tác năm, kế hoạch phát triển kinh tế - xã hội và dự toán "
    "ngân sách hằng năm của địa phương.",
)
_RESULTS = (
    "Đã tổ chức {a} hội nghị quán triệt, tuyên truyền với hơn {b} lượt cán bộ, đảng viên và Nhân dân tham dự.",
    "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt {p}%.",
    "Có {a} nhiệm vụ hoàn thành đúng tiến độ, {c} nhiệm vụ đang triển khai.",
    "Đã cấp trên {b} tài khoản định danh điện tử cho người dân trên địa bàn.",
    "Hệ thống hội nghị trực tuyến được kết nối đến {a} điểm cầu, hoạt động ổn định.",
    "Đã số hóa {b} hồ sơ, kết quả giải quyết thủ tục hành chính.",
    "Kinh phí bố trí cho các nhiệm vụ đạt {a} tỷ đồng, giải ngân được {p}%.",
    "Tổ công nghệ số cộng đồng được thành lập tại {a} thôn, tổ dân phố với {b} thành viên tham gia hỗ trợ người dân.",
    "Tỷ lệ văn bản đi, đến được xử lý trên môi trường mạng đạt {p}%, trong đó văn bản được ký số đạt trên 95%.",
    "Công tác tuyên truyền được đẩy mạnh với {a} tin, bài đăng tải trên trang thông tin điện tử và hệ thống truyền "
    "thanh cơ sở.",
)
_DIFFICULTIES = (
    "Hạ tầng công nghệ thông tin tại một số thôn, tổ dân phố còn hạn chế, đường truyền chưa ổn định.",
    "Nguồn nhân lực có chuyên môn về công nghệ thông tin còn thiếu; kinh phí bố trí còn hạn chế.",
    "Việc sắp xếp tổ chức bộ máy ảnh hưởng đến tiến độ triển khai một số nhiệm vụ.",
    "Kỹ năng số của một bộ phận người dân, nhất là người cao tuổi, còn hạn chế.",
    "Một số phần mềm dùng chung chưa được kết nối, chia sẻ dữ liệu đồng bộ.",
    "Trang thiết bị phục vụ công tác chuyên môn tại bộ phận một cửa còn thiếu, một số máy tính đã xuống cấp.",
    "Công tác phối hợp giữa một số cơ quan, đơn vị có lúc chưa chặt chẽ, thông tin báo cáo chưa kịp thời.",
)
_NEXT = (
    "Tiếp tục tổ chức thực hiện có hiệu quả các nhiệm vụ, giải pháp đã đề ra.",
    "Tăng cường công tác tuyên truyền, nâng cao nhận thức về {s}.",
    "Đẩy mạnh cung cấp dịch vụ công trực tuyến và hoàn thiện các cơ sở dữ liệu chuyên ngành.",
    "Bố trí nguồn lực, ưu tiên kinh phí cho các nhiệm vụ trọng tâm.",
    "Tăng cường kiểm tra, giám sát, kịp thời tháo gỡ khó khăn, vướng mắc phát sinh trong quá trình thực hiện.",
    "Nâng cao chất lượng hoạt động của tổ công nghệ số cộng đồng, hỗ trợ người dân sử dụng dịch vụ công trực tuyến.",
)


def _pick(rng: random.Random, pool: tuple[str, ...], n: int) -> list[str]:
    return rng.sample(pool, min(n, len(pool)))


def purposes(rng: random.Random, t: Topic) -> list[str]:
    return [s.format(t=t.name, s=t.short) for s in _pick(rng, _PURPOSES, rng.randint(2, 4))]


def requirements(rng: random.Random) -> list[str]:
    return _pick(rng, _REQUIREMENTS, rng.randint(2, 4))


def tasks(rng: random.Random, t: Topic) -> list[str]:
    return [s.format(s=t.short) for s in _pick(rng, _TASKS, rng.randint(4, 8))]


def results(rng: random.Random) -> list[str]:
    return [
        s.format(
            a=rng.randint(2, 60),
            b=rng.randint(100, 9000),
            c=rng.randint(1, 9),
            p=f"{rng.randint(40, 99)},{rng.randint(0, 9)}",
        )
        for s in _pick(rng, _RESULTS, rng.randint(3, 6))
    ]


def difficulties(rng: random.Random) -> list[str]:
    return _pick(rng, _DIFFICULTIES, rng.randint(2, 4))


def next_steps(rng: random.Random, t: Topic) -> list[str]:
    return [s.format(s=t.short) for s in _pick(rng, _NEXT, rng.randint(2, 4))]
