"""The 2025 merger of provinces: each of the 34 current provinces and the old provinces it took in.

Nghị quyết 202/2025/QH15, in force 1 July 2025. NSO codes; a new province keeps the code of the
province that hosts its capital, so six codes changed meaning (15, 24, 44, 52, 80, 82). The table
is curated rather than derived because the ward table of ``vietnam-provinces`` carries one wrong
row (a Long An ward filed under Tiền Giang) that would make Tiền Giang look split; a test checks
every row against the package. Source: vn-conventions.md §3, vn-adminunits.md §3.2.
"""

__all__ = ["MERGED_INTO", "NAMES_BEFORE", "REFORM_DATE", "UNKNOWN_PROVINCE", "UNKNOWN_PROVINCE_NOTE"]

# The name that asks for the documents whose province could not be read (kept, never guessed).
UNKNOWN_PROVINCE = "unknown"
UNKNOWN_PROVINCE_NOTE = "province could not be read from the document (kept, never guessed)"

REFORM_DATE = "2025-07-01"

# current province code -> legacy province codes merged into it
MERGED_INTO: dict[int, tuple[int, ...]] = {
    1: (1,),
    4: (4,),
    8: (2, 8),
    11: (11,),
    12: (12,),
    14: (14,),
    15: (10, 15),
    19: (6, 19),
    20: (20,),
    22: (22,),
    24: (24, 27),
    25: (17, 25, 26),
    31: (30, 31),
    33: (33, 34),
    37: (35, 36, 37),
    38: (38,),
    40: (40,),
    42: (42,),
    44: (44, 45),
    46: (46,),
    48: (48, 49),
    51: (51, 62),
    52: (52, 64),
    56: (56, 58),
    66: (54, 66),
    68: (60, 67, 68),
    75: (70, 75),
    79: (74, 77, 79),
    80: (72, 80),
    82: (82, 87),
    86: (83, 84, 86),
    91: (89, 91),
    92: (92, 93, 94),
    96: (95, 96),
}


# Provinces renamed before the 2025 merger, by NSO code: the name the unit lists no longer give,
# and the first day of the new name. Thừa Thiên Huế became the centrally-run city of Huế on
# 1 January 2025 (Nghị quyết 1314/NQ-UBTVQH15).
NAMES_BEFORE: dict[int, tuple[str, str]] = {46: ("Thừa Thiên Huế", "2025-01-01")}
