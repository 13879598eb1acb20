"""Vietnamese vocabulary for the synthetic commune: holders, places, land-use tables.

Every name here is invented for the sample; none refers to a real person or a real site.
"""
import unicodedata

COMMUNE_CODE = "14362"
COMMUNE_NAME = "Đồng Xuân"
PROVINCE = "tỉnh Ninh Bình"
PUBLIC_HOLDER = "UBND xã " + COMMUNE_NAME

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đinh", "Bùi", "Đỗ", "Ngô", "Dương",
          "Phan", "Đặng", "Hồ", "Tạ", "Lương", "Trịnh", "Mai", "Lã", "Quách"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Quang", "Thanh", "Ngọc", "Xuân", "Thu", "Công",
          "Thế", "Kim", "Bá"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiền", "Hoa",
         "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngân", "Phúc",
         "Phương", "Quân", "Quyết", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Tiến", "Trang",
         "Tuấn", "Việt", "Vinh", "Yến", "Lộc", "Toàn", "Chiến", "Nhung"]
HAMLETS = ["Đông", "Đoài", "Trung", "Thượng", "Hạ", "Bắc", "Nam", "Tiền", "Hậu", "Văn Lâm",
           "Xuân Áng", "Đam Khê", "Bạch Cừ", "Yên Cừ", "Phú Lăng", "Khê Thượng"]
FIELDS = ["Cửa Đình", "Đồng Trũng", "Mả Ngô", "Bãi Sậy", "Cồn Cao", "Đồng Sau", "Ao Cá",
          "Gốc Gạo", "Bờ Đê", "Ruộng Chùa", "Đồng Nổi", "Cầu Đá", "Vực Sâu", "Cánh Cò"]
PAGODAS = ["Chùa Linh Quang", "Chùa Phúc Khánh", "Chùa Thiên Hương", "Chùa Vân Am",
           "Chùa Bảo Sơn", "Chùa Diên Phúc"]
TEMPLES = ["Đền Thượng", "Đền Thánh Mẫu", "Đền Quan Lớn", "Đình làng Văn Lâm", "Đền Cô Bơ"]
COMPANIES = ["Công ty TNHH Gốm Đồng Xuân", "Công ty CP Chế biến Nông sản Hoa Lư",
             "Công ty TNHH May Tràng Sơn", "HTX Thêu ren Văn Lâm"]

# Cell uses per kind of block, as (code, weight).
USES = {
    "rice": [("LUC", 0.93), ("DTL", 0.04), ("DGT", 0.03)],
    "rice_luk": [("LUK", 0.95), ("DTL", 0.05)],
    "residential": [("ONT", 0.84), ("CLN", 0.08), ("TMD", 0.03), ("DGT", 0.03), ("DSH", 0.02)],
    "garden": [("CLN", 0.6), ("BHK", 0.3), ("ONT", 0.1)],
    "pond": [("NTS", 0.95), ("DTL", 0.05)],
    "special": [("NTD", 0.3), ("TON", 0.25), ("DGD", 0.1), ("SKC", 0.1), ("DYT", 0.05),
                ("DTT", 0.05), ("DCH", 0.05), ("DVH", 0.05), ("TSC", 0.05)],
    "mountain": [("NCS", 0.7), ("RDD", 0.3)],
    "added": [("NTS", 0.4), ("CLN", 0.3), ("BHK", 0.2), ("ONT", 0.1)],
}
PUBLIC_USES = {"DGT", "DTL", "NTD", "TSC", "DGD", "DYT", "DTT", "DCH", "DVH", "DSH", "NCS",
               "RDD"}
# Whole-parcel changes of use purpose (chuyen muc dich su dung dat) seen in practice.
USE_TRANSITIONS = {"LUC": ["NTS", "CLN"], "LUK": ["NTS", "BHK", "ONT"], "CLN": ["ONT"],
                   "BHK": ["CLN", "ONT"], "ONT": ["TMD"], "NTS": ["CLN"]}


def nfc(text):
    """Returns `text` in Unicode NFC, the form the files store."""
    return unicodedata.normalize("NFC", text)


def person_names(rng, n):
    """Returns n holder names ("Nguyễn Văn An" style), drawn from `rng`."""
    f = rng.integers(0, len(FAMILY), n)
    m = rng.integers(0, len(MIDDLE), n)
    g = rng.integers(0, len(GIVEN), n)
    return [nfc(f"{FAMILY[a]} {MIDDLE[b]} {GIVEN[c]}") for a, b, c in zip(f, m, g)]


def holder_for(use, person, place_index):
    """Returns the holder of a parcel of `use`: a person, the commune, a pagoda or a company."""
    if use in PUBLIC_USES:
        return nfc(PUBLIC_HOLDER)
    if use == "TON":
        return nfc(PAGODAS[place_index % len(PAGODAS)])
    if use == "SKC":
        return nfc(COMPANIES[place_index % len(COMPANIES)])
    return person


def address(kind, hamlet, field):
    """Returns the diaChi of a parcel in a block of `kind`."""
    tail = f"xã {COMMUNE_NAME}, {PROVINCE}"
    if kind in ("residential", "garden", "special"):
        return nfc(f"Thôn {hamlet}, {tail}")
    return nfc(f"Xứ đồng {field}, thôn {hamlet}, {tail}")
