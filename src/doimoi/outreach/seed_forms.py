"""The forms of dissemination the seed plans name (64-KH/ThU and 39-KH/ĐUK, section III), which
start the managed list: (name, keywords that name it in a plan, what its reach counts, study)."""

SEED_FORMS: list[tuple[str, str, str, bool]] = [
    ("Hội nghị học tập, quán triệt", "hội nghị học tập; hội nghị quán triệt", "participants", True),
    (
        "Sinh hoạt thường kỳ của tổ chức đảng, đoàn thể",
        "sinh hoạt thường kỳ; sinh hoạt đảng; sinh hoạt của tổ chức chính trị",
        "participants",
        False,
    ),
    ("Trang thông tin điện tử của đơn vị", "trang thông tin điện tử", "readers", False),
    ("Hệ thống truyền thanh phường, xã", "truyền thanh", "listeners", False),
    ("Phương tiện thông tin đại chúng", "phương tiện thông tin đại chúng", "readers", False),
    ("Trang chính thức của đơn vị trên mạng xã hội", "mạng xã hội; fanpage", "views", False),
    ("Hội thảo, tọa đàm, diễn đàn", "hội thảo; tọa đàm; diễn đàn", "participants", False),
    ("Giải báo chí (Búa liềm vàng…)", "giải báo chí; búa liềm vàng", "participants", False),
    ("Cuộc thi tìm hiểu", "thi tìm hiểu", "participants", False),
    ("Triển lãm, tranh cổ động", "triển lãm; tranh cổ động", "participants", False),
    ("Tác phẩm văn học, nghệ thuật", "văn học, nghệ thuật; văn học - nghệ thuật", "readers", False),
    ("Họp báo, cung cấp thông tin cho báo chí", "họp báo", "participants", False),
    (
        "Tuyên truyền miệng (báo cáo viên, tuyên truyền viên)",
        "tuyên truyền miệng; báo cáo viên",
        "participants",
        False,
    ),
    ("Tuyên truyền trực quan, ấn phẩm", "trực quan; ấn phẩm", "readers", False),
]
