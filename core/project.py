"""The project GeoPackage: one self-contained file per consolidation project.

Layout (all layers in the DLTB's CRS):

* ``XMQ`` – the project boundary (one dissolved polygon, NAME and CODE);
* ``DLTB`` – copies of the current parcels that intersect the boundary
  (whole parcels, attributes unchanged, so TBMJ stays the area of record);
* the optional layers that were given, copied the same way: ``DLTB_GH``
  (planned DLTB), ``YJJBNTTB`` / ``YJJBNTTB_GH`` (permanent basic farmland
  before / after), ``ZXM`` (sub-projects), ``STBHHX`` (ecological red line),
  ``CZKFBJ`` (urban development boundary);
* ``lc_settings`` – a key/value table: project facts (name, code, township,
  years, responsible unit), the DLTB field mapping, the planned-code field,
  the chosen villages, and where each layer was copied from.

Copies, not references: the file can be mailed to the county bureau and
re-opened elsewhere with every choice restored.
"""
from __future__ import annotations

import json
from pathlib import Path

SETTINGS_TABLE = "lc_settings"
FORMAT_VERSION = "1"

#: Parameter key of createproject/exportscheme → layer name in the GeoPackage.
LAYER_NAMES = {
    "PROJECT_AREA": "XMQ",
    "DLTB": "DLTB",
    "AFTER": "DLTB_GH",
    "PBF_BEFORE": "YJJBNTTB",
    "PBF_AFTER": "YJJBNTTB_GH",
    "SUBPROJECTS": "ZXM",
    "RED_LINE": "STBHHX",
    "DEVELOPMENT_BOUNDARY": "CZKFBJ",
}

#: Settings keys that are project facts (text), in wizard order.
FACT_KEYS = ("name", "code", "township", "start_year", "end_year", "responsible_unit")


def layer_uri(path, layer_name: str) -> str:
    """OGR URI of a layer of a GeoPackage."""
    return f"{path}|layername={layer_name}"


def read_settings(path) -> dict:
    """The ``lc_settings`` table of a project GeoPackage as a dict (JSON values decoded)."""
    import sqlite3

    path = Path(path)
    if not path.exists():
        from .errors import LandConsolidationError

        raise LandConsolidationError(f"项目文件不存在：{path}。 Project file not found: {path}.")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        try:
            rows = db.execute(f"SELECT key, value FROM {SETTINGS_TABLE}").fetchall()
        except sqlite3.DatabaseError as exc:
            from .errors import LandConsolidationError

            raise LandConsolidationError(
                f"“{path.name}”不是本插件的项目 GeoPackage（缺少 {SETTINGS_TABLE} 表）。"
                f" '{path.name}' is not a land-consolidation project GeoPackage."
            ) from exc
        tables = {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}
    settings = {key: json.loads(value) for key, value in rows}
    settings["_layers"] = sorted(tables)
    return settings


def load_project(path) -> dict:
    """Processing parameters (DLTB, PROJECT_AREA, AFTER or AFTER_FIELD …) of a project GeoPackage.

    Only the layers present in the file appear; the project facts come as
    ``START_YEAR`` / ``END_YEAR`` / ``NAME`` / ``CODE``.
    """
    settings = read_settings(path)
    present = set(settings["_layers"])
    params = {key: layer_uri(path, name) for key, name in LAYER_NAMES.items() if name in present}
    if settings.get("after_field") and "AFTER" not in params:
        params["AFTER_FIELD"] = settings["after_field"]
    for key in ("start_year", "end_year"):
        if settings.get(key) not in (None, ""):
            params[key.upper()] = int(settings[key])
    params["NAME"] = settings.get("name", "")
    params["CODE"] = settings.get("code", "")
    return params
