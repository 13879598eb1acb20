"""The land-use code list as a pandas DataFrame."""
from __future__ import annotations

from typing import Any

from . import _libland


def land_use_codes() -> Any:
    """Every known land-use leaf code (2018 and 2024 lists) as a pandas DataFrame with the
    columns code, group (NNP, PNN or CSD), subgroup (LUA, HNK, ... or ""), name_vi, name_en and
    successor (the 2024 code that replaces it, or "")."""
    import pandas
    rows = [{"code": u["code"], "group": u["category"], "subgroup": u["group"], "name_vi": u["name_vi"],
             "name_en": u["name"], "successor": u["successor"]} for u in _libland.land_use_codes()]
    return pandas.DataFrame(rows, columns=["code", "group", "subgroup", "name_vi", "name_en", "successor"])
