"""Data of the demo meeting: a fictional commune, xã Hòa An, and its 2026 dialogue."""

from __future__ import annotations

COMMUNE = "Hòa An"
TITLE = "Hội nghị đối thoại giữa Chủ tịch Ủy ban nhân dân xã với Nhân dân xã Hòa An năm 2026"
ISSUING_BODY = "ỦY BAN NHÂN DÂN XÃ HÒA AN"
VENUE = "Hội trường Nhà văn hóa xã Hòa An"
RESIDENTIAL = "thôn, tổ dân phố"

CHAIR = ("Hoàng Văn Thắng", "Chủ tịch UBND xã")
CO_CHAIR = ("Đinh Thị Lan", "Phó Chủ tịch HĐND xã")
SECRETARY = ("Nông Thị Duyên", "Chuyên viên Văn phòng HĐND và UBND xã")

GROUP_COMMUNE = "Đại biểu xã"
GROUP_VILLAGE = "Đại biểu thôn, tổ dân phố"
GROUP_PEOPLE = "Đại diện Nhân dân"

# (name, title, organisation, group, role)
PARTICIPANTS: list[tuple[str, str, str, str, str]] = [
    ("Hoàng Văn Thắng", "Chủ tịch", "UBND xã", GROUP_COMMUNE, "chair"),
    ("Lương Thị Hạnh", "Phó Chủ tịch", "UBND xã", GROUP_COMMUNE, "official"),
    ("Nông Đức Minh", "Phó Chủ tịch", "UBND xã", GROUP_COMMUNE, "official"),
    ("Vi Văn Quang", "Phó Bí thư Thường trực", "Đảng ủy xã", GROUP_COMMUNE, "delegate"),
    ("Đinh Thị Lan", "Phó Chủ tịch", "HĐND xã", GROUP_COMMUNE, "chair"),
    ("Hà Thị Thu", "Chủ tịch", "Ủy ban MTTQ Việt Nam xã", GROUP_COMMUNE, "front"),
    ("Lăng Văn Bình", "Trưởng Công an xã", "Công an xã", GROUP_COMMUNE, "official"),
    ("Hoàng Đình Tuấn", "Chỉ huy trưởng", "Ban Chỉ huy Quân sự xã", GROUP_COMMUNE, "official"),
    ("Mông Thị Hoa", "Trạm trưởng", "Trạm Y tế xã", GROUP_COMMUNE, "official"),
    ("Nguyễn Thị Mai", "Hiệu trưởng", "Trường THCS Hòa An", GROUP_COMMUNE, "official"),
    ("Triệu Văn Long", "Trưởng phòng", "Phòng Kinh tế", GROUP_COMMUNE, "official"),
    ("Lý Thị Nga", "Trưởng phòng", "Phòng Văn hóa - Xã hội", GROUP_COMMUNE, "official"),
    ("Đàm Văn Khánh", "Chánh Văn phòng", "Văn phòng HĐND và UBND xã", GROUP_COMMUNE, "official"),
    ("Chu Văn Sơn", "Giám đốc", "Trung tâm Phục vụ hành chính công xã", GROUP_COMMUNE, "official"),
    ("Nông Thị Duyên", "Chuyên viên", "Văn phòng HĐND và UBND xã", GROUP_COMMUNE, "secretary"),
    ("Bế Thị Hằng", "Chủ tịch", "Hội Liên hiệp Phụ nữ xã", GROUP_COMMUNE, "delegate"),
    ("Hoàng Văn Lực", "Chủ tịch", "Hội Cựu chiến binh xã", GROUP_COMMUNE, "delegate"),
    ("Lộc Văn Hải", "Chủ tịch", "Hội Nông dân xã", GROUP_COMMUNE, "delegate"),
    ("Vy Thị Kim", "Bí thư", "Đoàn Thanh niên xã", GROUP_COMMUNE, "delegate"),
    ("Phùng Văn Toàn", "Giám đốc", "Trung tâm Dịch vụ công ích xã", GROUP_COMMUNE, "official"),
    ("Hoàng Văn Sình", "Trưởng thôn", "Thôn Nà Pàn", GROUP_VILLAGE, "delegate"),
    ("Lương Thị Dung", "Trưởng ban Công tác Mặt trận", "Thôn Nà Pàn", GROUP_VILLAGE, "delegate"),
    ("Lăng Văn Tài", "Trưởng thôn", "Thôn Bản Chu", GROUP_VILLAGE, "delegate"),
    ("Hoàng Thị Nhung", "Trưởng ban Công tác Mặt trận", "Thôn Bản Chu", GROUP_VILLAGE, "delegate"),
    ("Vi Văn Thành", "Trưởng thôn", "Thôn Khòn Cuổi", GROUP_VILLAGE, "delegate"),
    ("Nông Thị Lý", "Trưởng ban Công tác Mặt trận", "Thôn Khòn Cuổi", GROUP_VILLAGE, "delegate"),
    ("Chu Văn Hòa", "Trưởng thôn", "Thôn Pác Lùng", GROUP_VILLAGE, "delegate"),
    ("Lộc Thị Hương", "Trưởng ban Công tác Mặt trận", "Thôn Pác Lùng", GROUP_VILLAGE, "delegate"),
    ("Nguyễn Văn Phúc", "Trưởng thôn", "Thôn Đồng Tâm", GROUP_VILLAGE, "delegate"),
    ("Trần Thị Bích", "Trưởng ban Công tác Mặt trận", "Thôn Đồng Tâm", GROUP_VILLAGE, "delegate"),
    ("Đỗ Văn Hiếu", "Trưởng thôn", "Thôn Tân Lập", GROUP_VILLAGE, "delegate"),
    ("Phạm Thị Yến", "Trưởng ban Công tác Mặt trận", "Thôn Tân Lập", GROUP_VILLAGE, "delegate"),
    ("Hà Văn Cường", "Trưởng thôn", "Thôn Nà Lầu", GROUP_VILLAGE, "delegate"),
    ("Lý Thị Sen", "Trưởng ban Công tác Mặt trận", "Thôn Nà Lầu", GROUP_VILLAGE, "delegate"),
    ("Mã Văn Khoa", "Trưởng thôn", "Thôn Phai Trác", GROUP_VILLAGE, "delegate"),
    ("Dương Thị Thủy", "Trưởng ban Công tác Mặt trận", "Thôn Phai Trác", GROUP_VILLAGE, "delegate"),
    ("Hoàng Văn Páo", "Người có uy tín", "Thôn Nà Pàn", GROUP_PEOPLE, "delegate"),
    ("Vi Thị Hảo", "Người có uy tín", "Thôn Khòn Cuổi", GROUP_PEOPLE, "delegate"),
    ("Mã Văn Lợi", "Người có uy tín", "Thôn Phai Trác", GROUP_PEOPLE, "delegate"),
    ("Trần Văn Hòa", "Người có uy tín", "Thôn Đồng Tâm", GROUP_PEOPLE, "delegate"),
]

# group -> (expected, present)
ATTENDANCE = {GROUP_COMMUNE: (20, 19), GROUP_VILLAGE: (16, 16), GROUP_PEOPLE: (24, 22)}

# Official who answers on each field: (name, title, agency)
ANSWERER_BY_FIELD = {
    "đất đai": ("Triệu Văn Long", "Trưởng phòng Kinh tế", "Phòng Kinh tế"),
    "môi trường": ("Triệu Văn Long", "Trưởng phòng Kinh tế", "Phòng Kinh tế"),
    "giao thông": ("Nông Đức Minh", "Phó Chủ tịch UBND xã", "UBND xã"),
    "an sinh xã hội": ("Lý Thị Nga", "Trưởng phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội"),
    "an ninh trật tự": ("Lăng Văn Bình", "Trưởng Công an xã", "Công an xã"),
    "y tế": ("Mông Thị Hoa", "Trạm trưởng Trạm Y tế xã", "Trạm Y tế xã"),
    "giáo dục": ("Nguyễn Thị Mai", "Hiệu trưởng Trường THCS Hòa An", "Trường THCS Hòa An"),
    "cán bộ": ("Đàm Văn Khánh", "Chánh Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"),
}

# Pre-compiled speakers (from the Front committee's report):
# (name, thôn, field, summary, phone, outcome, answer, conclusion)
# outcome: answered | study | assigned | forwarded ; "" for not held (withdrawn/absent)
SPEAKERS: list[tuple[str, str, str, str, str, str, str, str]] = [
    (
        "Hoàng Văn Páo",
        "Thôn Nà Pàn",
        "đất đai",
        "Đề nghị xã sớm cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ thôn Nà Pàn đã nộp hồ sơ từ tháng 6/2025 nhưng đến nay chưa được trả kết quả.",
        "0912 345 678",
        "assigned",
        "Hồ sơ của 12 hộ đã được thẩm định; 9 hồ sơ đủ điều kiện, 3 hồ sơ còn thiếu giấy tờ về nguồn gốc đất, Phòng Kinh tế sẽ hướng dẫn bổ sung.",
        "Giao Phòng Kinh tế chủ trì, phối hợp Trung tâm Phục vụ hành chính công xã hoàn thiện hồ sơ, trình cấp giấy chứng nhận cho 9 hộ đủ điều kiện; hướng dẫn 3 hộ còn lại bổ sung giấy tờ.",
    ),
    (
        "Lăng Thị Mỵ",
        "Thôn Bản Chu",
        "giao thông",
        "Tuyến đường từ thôn Bản Chu ra trung tâm xã dài 3 km đã xuống cấp, mùa mưa lầy lội, học sinh đi lại khó khăn; đề nghị đưa vào kế hoạch cứng hóa năm 2027.",
        "",
        "study",
        "Tuyến đường đã có trong danh mục đề xuất đầu tư giai đoạn 2026–2030; xã sẽ cân đối nguồn vốn nông thôn mới và vận động Nhân dân hiến đất mở rộng mặt đường.",
        "Tiếp thu, giao Phòng Kinh tế khảo sát, lập dự toán, báo cáo UBND xã xem xét đưa vào kế hoạch đầu tư công năm 2027.",
    ),
    (
        "Vi Văn Dũng",
        "Thôn Khòn Cuổi",
        "môi trường",
        "Rác thải sinh hoạt ở thôn chưa được thu gom thường xuyên, nhiều hộ đổ rác ra suối; đề nghị bố trí điểm tập kết và lịch thu gom.",
        "",
        "assigned",
        "Trung tâm Dịch vụ công ích xã sẽ bổ sung thôn Khòn Cuổi vào tuyến thu gom hai lần mỗi tuần và đặt hai điểm tập kết tạm thời.",
        "Giao Trung tâm Dịch vụ công ích xã chủ trì, phối hợp thôn Khòn Cuổi bố trí điểm tập kết, công bố lịch thu gom; Phòng Kinh tế kiểm tra việc đổ rác ra suối.",
    ),
    (
        "Nguyễn Văn Đức",
        "Thôn Tân Lập",
        "an sinh xã hội",
        "Gia đình có mẹ 82 tuổi đã làm hồ sơ hưởng trợ cấp xã hội từ tháng 3 nhưng chưa được nhận; đề nghị xã kiểm tra, giải quyết.",
        "0987 654 321",
        "answered",
        "Hồ sơ đã được phê duyệt theo Quyết định ngày 15/10; khoản trợ cấp từ tháng 4 sẽ được chi trả bổ sung trong kỳ chi trả tháng tới.",
        "Đã trả lời tại hội nghị; Phòng Văn hóa - Xã hội bảo đảm chi trả đủ, đúng kỳ.",
    ),
    (
        "Chu Thị Ngọc",
        "Thôn Pác Lùng",
        "y tế",
        "Trạm Y tế xã thiếu thuốc điều trị bệnh mạn tính cho người có thẻ bảo hiểm y tế, người dân phải mua ngoài; đề nghị bổ sung thuốc.",
        "",
        "assigned",
        "Trạm Y tế đã đề nghị cấp bổ sung thuốc huyết áp, tiểu đường; dự kiến có thuốc trong tháng này.",
        "Giao Trạm Y tế xã phối hợp Trung tâm Y tế khu vực bảo đảm đủ thuốc điều trị ngoại trú bệnh mạn tính cho người có thẻ bảo hiểm y tế.",
    ),
    (
        "Đỗ Văn Thịnh",
        "Thôn Đồng Tâm",
        "an ninh trật tự",
        "Tình trạng thanh thiếu niên tụ tập, đua xe trên tuyến tỉnh lộ qua thôn vào buổi tối gây mất an toàn; đề nghị Công an xã tăng cường tuần tra.",
        "",
        "answered",
        "Công an xã đã lập tổ tuần tra vào các tối thứ Sáu, thứ Bảy, Chủ nhật trên tuyến tỉnh lộ; đề nghị gia đình phối hợp quản lý con em.",
        "Đã trả lời tại hội nghị; Công an xã duy trì tuần tra, xử lý nghiêm các trường hợp vi phạm.",
    ),
    (
        "Hà Thị Liên",
        "Thôn Nà Lầu",
        "giáo dục",
        "Điểm trường mầm non thôn Nà Lầu xuống cấp, mái dột, thiếu nhà vệ sinh; đề nghị sửa chữa trước năm học mới.",
        "",
        "assigned",
        "Điểm trường đã được đưa vào danh mục sửa chữa bằng nguồn kinh phí sự nghiệp giáo dục.",
        "Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp Trường Mầm non Hòa An lập dự toán sửa mái, xây nhà vệ sinh, hoàn thành trước năm học mới.",
    ),
    (
        "Mã Văn Lợi",
        "Thôn Phai Trác",
        "đất đai",
        "Việc thu hồi đất làm đường tránh chưa thống nhất giá bồi thường đất trồng cây lâu năm; đề nghị công khai phương án bồi thường.",
        "",
        "assigned",
        "Phương án bồi thường đang được niêm yết lấy ý kiến; đơn giá cây lâu năm áp dụng theo quyết định của UBND tỉnh.",
        "Giao Phòng Kinh tế niêm yết công khai phương án bồi thường tại nhà văn hóa thôn Phai Trác, tổ chức đối thoại riêng với các hộ bị thu hồi đất.",
    ),
    (
        "Nông Văn Khải",
        "Thôn Nà Pàn",
        "giao thông",
        "Cầu tràn qua suối Nà Pàn bị sạt lở sau mưa lũ tháng 9, đề nghị sớm khắc phục để người dân đi lại an toàn.",
        "",
        "assigned",
        "Xã đã đặt biển cảnh báo và đề nghị hỗ trợ kinh phí khắc phục hậu quả thiên tai.",
        "Giao Phòng Kinh tế chủ trì, phối hợp Trung tâm Dịch vụ công ích xã khắc phục tạm thời, bảo đảm an toàn đi lại.",
    ),
    (
        "Lương Thị Thoa",
        "Thôn Bản Chu",
        "cán bộ",
        "Một số cán bộ bộ phận một cửa hướng dẫn hồ sơ chưa đầy đủ, người dân phải đi lại nhiều lần; đề nghị chấn chỉnh.",
        "",
        "answered",
        "Văn phòng đã nhắc nhở công chức liên quan và niêm yết danh mục hồ sơ của từng thủ tục tại bộ phận một cửa.",
        "Đã trả lời tại hội nghị; yêu cầu công chức bộ phận một cửa hướng dẫn đầy đủ một lần.",
    ),
    (
        "Triệu Văn Hưng",
        "Thôn Khòn Cuổi",
        "an sinh xã hội",
        "Đề nghị xem xét hỗ trợ làm nhà cho hộ nghèo theo chương trình xóa nhà tạm, nhà dột nát.",
        "",
        "study",
        "Gia đình thuộc diện được rà soát; xã sẽ đưa vào danh sách đề nghị hỗ trợ đợt tới nếu đủ điều kiện.",
        "Tiếp thu, giao Phòng Văn hóa - Xã hội rà soát, báo cáo đề xuất.",
    ),
    (
        "Phạm Thị Hồng",
        "Thôn Tân Lập",
        "môi trường",
        "Trang trại chăn nuôi lợn gần khu dân cư gây ô nhiễm mùi và nước thải; đề nghị kiểm tra, xử lý.",
        "",
        "assigned",
        "Phòng Kinh tế sẽ kiểm tra hồ sơ môi trường của trang trại và yêu cầu cải tạo hệ thống xử lý chất thải.",
        "Giao Phòng Kinh tế chủ trì, phối hợp Công an xã kiểm tra, xử lý vi phạm về bảo vệ môi trường của trang trại.",
    ),
    (
        "Vy Văn Chiến",
        "Thôn Pác Lùng",
        "đất đai",
        "Tranh chấp ranh giới đất rừng giữa hai hộ trong thôn kéo dài, thôn đã hòa giải không thành; đề nghị xã giải quyết.",
        "",
        "assigned",
        "Xã sẽ tổ chức hòa giải tại UBND xã theo quy định của Luật Đất đai.",
        "Giao Phòng Kinh tế chủ trì tổ chức hòa giải tranh chấp đất rừng, mời các hộ liên quan và Ban Công tác Mặt trận thôn.",
    ),
    (
        "Hoàng Thị Xuân",
        "Thôn Đồng Tâm",
        "y tế",
        "Đề nghị tổ chức khám sức khỏe định kỳ cho người cao tuổi tại thôn.",
        "",
        "answered",
        "Trạm Y tế sẽ phối hợp Hội Người cao tuổi khám sức khỏe định kỳ tại các thôn trong quý tới.",
        "Đã trả lời tại hội nghị.",
    ),
    (
        "Lộc Văn Tùng",
        "Thôn Nà Lầu",
        "giao thông",
        "Đề nghị lắp biển báo giảm tốc độ tại khu vực trường tiểu học trên quốc lộ.",
        "",
        "forwarded",
        "Quốc lộ do cơ quan quản lý đường bộ cấp trên quản lý; xã sẽ có văn bản đề nghị.",
        "Vượt thẩm quyền của xã; UBND xã có văn bản đề nghị cơ quan quản lý đường bộ xem xét lắp biển báo.",
    ),
    (
        "Bế Văn Nam",
        "Thôn Phai Trác",
        "khác",
        "Sóng điện thoại và internet ở thôn Phai Trác rất yếu; đề nghị xã kiến nghị nhà mạng lắp trạm phát sóng.",
        "0868 111 222",
        "forwarded",
        "Xã ghi nhận và sẽ kiến nghị Sở Khoa học và Công nghệ, các doanh nghiệp viễn thông.",
        "Vượt thẩm quyền của xã; chuyển kiến nghị đến Sở Khoa học và Công nghệ tỉnh.",
    ),
    (
        "Đinh Văn Quý",
        "Thôn Nà Pàn",
        "an ninh trật tự",
        "Tình trạng trộm cắp gia súc ban đêm tái diễn; đề nghị có biện pháp phòng ngừa.",
        "",
        "assigned",
        "Công an xã đã nắm được hai vụ việc, đang xác minh và sẽ phối hợp thôn xây dựng tổ tự quản.",
        "Giao Công an xã chủ trì, phối hợp thôn Nà Pàn tăng cường tuần tra ban đêm, điều tra làm rõ các vụ trộm cắp gia súc.",
    ),
    (
        "Lăng Thị Tuyết",
        "Thôn Bản Chu",
        "giáo dục",
        "Đề nghị hỗ trợ tiền ăn trưa cho học sinh bán trú ở thôn xa.",
        "",
        "answered",
        "Học sinh thôn Bản Chu thuộc diện hưởng hỗ trợ theo chính sách; nhà trường sẽ lập danh sách trong tháng này.",
        "Đã trả lời tại hội nghị.",
    ),
    (
        "Nguyễn Đức Anh",
        "Thôn Tân Lập",
        "đất đai",
        "Đề nghị hướng dẫn thủ tục tách thửa đất cho con sau khi quy định mới có hiệu lực.",
        "",
        "answered",
        "Điều kiện tách thửa thực hiện theo quyết định của UBND tỉnh; công dân liên hệ Trung tâm Phục vụ hành chính công để được hướng dẫn.",
        "Đã trả lời tại hội nghị.",
    ),
    (
        "Hà Văn Tiến",
        "Thôn Khòn Cuổi",
        "an sinh xã hội",
        "Hồ sơ đề nghị hưởng trợ cấp của bố tôi là thương binh đã nộp nhưng chưa có kết quả.",
        "",
        "assigned",
        "Hồ sơ đang chờ xác minh tại cơ quan cấp trên.",
        "Giao Phòng Văn hóa - Xã hội đôn đốc, trả lời công dân bằng văn bản.",
    ),
    (
        "Chu Văn Lâm",
        "Thôn Pác Lùng",
        "môi trường",
        "Việc khai thác cát trái phép trên sông gây sạt lở bờ ruộng; đề nghị kiểm tra, xử lý.",
        "",
        "assigned",
        "Công an xã và Phòng Kinh tế sẽ kiểm tra ngay trong tuần.",
        "Giao Công an xã chủ trì, phối hợp Phòng Kinh tế kiểm tra, xử lý nghiêm hành vi khai thác cát trái phép.",
    ),
    (
        "Dương Thị Mến",
        "Thôn Nà Lầu",
        "cán bộ",
        "Đề nghị công khai lịch tiếp công dân của lãnh đạo xã tại nhà văn hóa các thôn.",
        "",
        "answered",
        "Lịch tiếp công dân sẽ được niêm yết tại nhà văn hóa các thôn và trên trang thông tin điện tử xã.",
        "Đã trả lời tại hội nghị.",
    ),
    (
        "Trần Văn Hòa",
        "Thôn Đồng Tâm",
        "giao thông",
        "Đề nghị nâng cấp hệ thống điện chiếu sáng đường liên thôn.",
        "",
        "",
        "",
        "",
    ),
    (
        "Mông Văn Sáng",
        "Thôn Phai Trác",
        "đất đai",
        "Giá đất bồi thường khi Nhà nước thu hồi đất thấp hơn giá thị trường; đề nghị xem xét điều chỉnh.",
        "",
        "",
        "",
        "",
    ),
    (
        "Vi Thị Hảo",
        "Thôn Khòn Cuổi",
        "khác",
        "Đề nghị xã hỗ trợ giống cây trồng, tập huấn kỹ thuật trồng hồi, quế cho bà con.",
        "",
        "",
        "",
        "",
    ),
]

# Lead agencies for the "assigned" outcome, by field, and their partners.
LEAD_BY_FIELD = {
    "đất đai": ("Phòng Kinh tế", "Trung tâm Phục vụ hành chính công xã"),
    "môi trường": ("Phòng Kinh tế", "Công an xã"),
    "giao thông": ("Phòng Kinh tế", "Trung tâm Dịch vụ công ích xã"),
    "an sinh xã hội": ("Phòng Văn hóa - Xã hội", ""),
    "an ninh trật tự": ("Công an xã", "Ban Công tác Mặt trận thôn"),
    "y tế": ("Trạm Y tế xã", ""),
    "giáo dục": ("Phòng Văn hóa - Xã hội", "Trường Mầm non Hòa An"),
    "cán bộ": ("Văn phòng HĐND và UBND xã", ""),
    "khác": ("Văn phòng HĐND và UBND xã", ""),
}
FORWARDED_TO = {"giao thông": "Cơ quan quản lý đường bộ", "khác": "Sở Khoa học và Công nghệ tỉnh"}

# Secretary's notes per step of the finished demo (by position).
STEP_NOTES = {
    1: "Đồng chí Đàm Văn Khánh – Chánh Văn phòng HĐND và UBND xã tuyên bố lý do, giới thiệu đại biểu; "
    "giới thiệu chủ trì hội nghị: đồng chí Hoàng Văn Thắng – Chủ tịch UBND xã, đồng chí Đinh Thị Lan – "
    "Phó Chủ tịch HĐND xã; thư ký: đồng chí Nông Thị Duyên; bộ phận tiếp nhận, đăng ký phát biểu: Văn phòng HĐND và UBND xã.",
    2: "Hội nghị thống nhất thông qua chương trình và nội quy hội nghị (100% đại biểu biểu quyết tán thành).",
    3: "Đồng chí Hoàng Văn Thắng – Chủ tịch UBND xã phát biểu khai mạc hội nghị, thông báo nội dung và phương pháp đối thoại: "
    "công dân phát biểu theo thứ tự đăng ký, mỗi lượt không quá 3 phút.",
    4: "Đồng chí Lương Thị Hạnh – Phó Chủ tịch UBND xã báo cáo tóm tắt tình hình kinh tế - xã hội, quốc phòng - an ninh năm 2026: "
    "tổng giá trị sản xuất tăng 6,8%; thu ngân sách đạt 112% dự toán; tỷ lệ hộ nghèo giảm còn 4,2%.",
    5: "Đồng chí Hà Thị Thu – Chủ tịch Ủy ban MTTQ Việt Nam xã báo cáo tổng hợp 25 ý kiến, kiến nghị của Nhân dân trước hội nghị, "
    "tập trung vào các lĩnh vực đất đai, giao thông, môi trường và an sinh xã hội.",
    6: "Có 22 lượt ý kiến phát biểu trực tiếp tại hội nghị; Chủ tịch UBND xã và lãnh đạo các đơn vị trả lời trực tiếp.",
    7: "Chủ tịch UBND xã tóm tắt, kết luận từng vấn đề; giao các đơn vị xử lý, trả lời công dân trong thời hạn quy định.",
    8: "Đồng chí Vi Văn Quang – Phó Bí thư Thường trực Đảng ủy xã phát biểu, đề nghị các cơ quan, đơn vị nghiêm túc tiếp thu, "
    "giải quyết dứt điểm các kiến nghị.",
    9: "Đồng chí Hoàng Văn Thắng – Chủ tịch UBND xã kết luận, bế mạc hội nghị.",
}
# Actual minutes per step of the finished demo (the dialogue step is timed by its speeches).
STEP_MINUTES = {1: 9, 2: 4, 3: 11, 4: 18, 5: 14, 7: 12, 8: 8, 9: 5}
