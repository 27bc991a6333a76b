"""Deterministic sample data: a plain township near Wuxi, before and after consolidation.

Writes ONE GeoPackage (EPSG:4528, CGCS2000 3° Gauss-Krüger zone 40, eastings
``40 5xx xxx``, northings ``3 49x xxx``–``3 50x xxx``, ≈ 31.55°N 120.27°E)::

    /usr/bin/python3 tools/generate_sample.py --output sample/sample.gpkg \
        [--parcels 3000] [--seed 20261128]

Layers
------
``DLTB``         current 三调 地类图斑 with the 三调 fields (BSM, DLBM, DLMC, TBMJ,
                 KCDLBM, KCXS, KCMJ, TBDLMJ, ZLDWDM, ZLDWMC, QSXZ, QSDWDM, QSDWMC,
                 GDLX, GDPDJB, GDDB, CZCSXM, ZZSXDM, TBXHDM, XZDWKD) plus
                 ``GHDLBM``, the planned code of every parcel.
``DLTB_GH``      the planned DLTB after consolidation (same fields, no GHDLBM).
``DLTB_2027``    the 年度变更调查 of 2027: the land one year into the plan (below).
``YJJBNTTB``     永久基本农田 before adjustment; ``YJJBNTTB_GH`` after.
``XMQ``          项目区: per township one polygon, its 4 western villages
                 (follows village boundaries, so no parcel is cut) – the 4
                 villages the potential survey ranks first (see below).
``XMQ_CUT``      a slightly rotated rectangle cutting through parcels (tests).
``ZXM``          子项目 (XMLX, XMMC, TZJE 万元, ZJLY, SSND, ZRDW, plus XMBH, XMMJ and XMQBH,
                 the 增减挂钩 项目区 of the 拆旧 and 建新 sub-projects).
``STBHHX``       生态保护红线: the river with its riparian belts, forest blocks, and the two
                 small polygons of the designed conflicts (below).
``CZKFBJ``       城镇开发边界 around the township seat (集镇).

Geometry
--------
Each township is a 3 × 2 grid of village territories (rectangles).  Its
height is cut into horizontal *bands* – field rows (130–220 m) separated by
rural roads 1006 (4–6 m); in the south row a river 1101 (≈ 40 m) meanders
between riparian belts (林地 0301 / 草地 0404), and the north row starts with a
公路 1003 (18–24 m) along the village-row boundary, with a second 公路 running
north from it through the middle village.  Field rows are cut into blocks by
沟渠 1107 (2–4 m) and blocks into field strips.  Band edges are piecewise
linear in x (straight except along the river), and every polygon lying on a
band edge carries *all* vertices of that edge from both sides, so parcels
tile the township exactly: no gaps, no overlaps, no T-junctions off the
vertical lines (which are exact by construction).  Coordinates are rounded
to 0.1 mm.  All geometries are single-part MultiPolygons, as exported from
三调 file geodatabases.

Content per village: regular 水田/水浇地/旱地 strips (等别 4–7); *fragmented*
blocks of small fields (KCXS 0.06–0.09); mixed blocks with 其他草地 0404,
设施农用地 1202, 裸土地 1206, 坑塘 1104 and restorable K-plots 0201K/0301K/
1104K; 果园 0201, 乔木林地 0301 and 养殖坑塘 1104A blocks; one village core
(村庄, CZCSXM 203: 0702 homesteads, 1004 lanes, 08H2, 0601; two villages
have a bigger core across two field rows); isolated clusters of 2–6
homesteads (one 0702 parcel of 450–2 100 m² at a field strip's road end,
CZCSXM 203).  The township seat (集镇) in the north-middle village uses
CZCSXM **202** and 0701/05H1/08H1/08H2/0810/0601/1004; the abandoned mine
0602 (one block in the south-west village) uses CZCSXM **204**, as 三调
codes 采矿用地 – both deliberate departures from "203 or empty" because the
三调 rules say so.

Areas: TBMJ is the 三调 ellipsoidal area of the polygon from
``land_consolidation.core.ellipsoid.geometry_areas`` (rounded to 0.01 m²);
KCMJ = round(TBMJ × KCXS, 2); TBDLMJ = round(TBMJ − KCMJ, 2).  String fields
without a value are ``''``; GDDB is NULL off 耕地; XZDWKD is NULL except on
1006/1107/1003/1004/1101.

Scale: ``--parcels`` from 500 to 12 000 gives one township of 6 villages
whose size is calibrated to the count (mostly within ±3 %; the count grows
in steps, so at worst ≈ ±10 % at the smallest sizes).  Above that the same
design is repeated as a county: villages of ~2 000 parcels, townships of 6
villages in a grid (northings then reach ≈ 3 515 000), each township with
its own project (XMQ feature), plan, river and seat.  Each township is
generated, measured and written before the next (numpy RNG streams keyed
by (seed, township)), so memory stays at one township.

Two histories: the west has the potential
-----------------------------------------
The 2 eastern villages (outside the project) were consolidated in an earlier
高标准农田 project; the 4 western ones (the project) were not:

* regular strips: west ≈ 38 m wide with KCXS 0.03–0.055; east ≈ 55 m with
  KCXS 0.015–0.028;
* fragmented and mixed blocks: west 15 % and 24 % of the blocks, at least
  one of each per village; east none – only 1.5 % of its strips are
  leftovers, mostly 1202 and 1104, a few 0404, 0201K, 1206;
* isolated homestead clusters: west at 9 % of the strips' road ends, east 2 %;
* idle 0404 beside the village core (the 建新 site): west only.

Each western village's first mixed strips are a K-plot and a 0404 or 1206.
So the potential survey (``core.potential``, default rules, with STBHHX,
CZKFBJ and YJJBNTTB as ``tools/run_sample.py`` runs it) ranks the 4 project
villages 1–4 in every township: the east's KCXS is below the survey's
target 0.03 (no 田坎 gain) and little else is left there.  From the default
size up the estimate is ≈ 0–2.5 % of the village's 耕地 in the east against
≈ 10–30 % in the west (more in the south-west, with the mine); in small
townships, where one block weighs more, the west can drop to ≈ 5 % and the
east rise to ≈ 7 % (not in the same township).  The township seat stays in
a project village: its 202 land is neither a candidate nor 耕地, so it does
not move the ranking.

To make the ranking hold for every seed and size,
``TownshipWriter._settle_potential`` bounds the survey's estimate per
village from the generated parcels (*certain*: K-plots, 0404/1206 off the
red-line belts, the mine, 田坎 above 0.03; *possible*: plus every homestead
cluster) and, while an eastern village's possible rate is not below
``POTENTIAL_MARGIN`` (50 %) of the poorest western village's certain rate,
converts that eastern village's largest candidate as the earlier project
would have (a leftover strip → 耕地 of its block, a homestead cluster → 1202
farm sheds).  With the design above this rarely fires (3 conversions in 104
townships of 500–2 000 parcels, none from 3 000 up); the summary reports
the bounds and the count (``potential_west``, ``potential_east``,
``potential_settled``).

The plan (inside each XMQ only; elsewhere DLTB_GH = DLTB)
----------------------------------------------------------
* 高标准农田建设: 60 % of the project's fragmented blocks are merged into one
  parcel each (KCXS 0.03 instead of 0.06–0.09, 等别 = area-weighted mean,
  rounded); the pieces' 水浇地/旱地 become the block's base class.
* 耕地出: good (等别 ≤ village base), non-永农 耕地 strips → 果园 0201, the best
  等别 first, about 0.6 % of the project's 耕地.
* 建设用地复垦 (拆旧): 90 % of the isolated homestead clusters → 0101 (from a
  水田 strip) or 0103, 等别 = the strip's + 1, KCXS 0.035.
* 农用地整理: K-plots (0201K → 0102, 0301K → 0103, 1104K → 0101), 坑塘 1104 →
  0101, 裸土地 1206 and 其他草地 0404 of the mixed blocks → 0103, taken in random
  order only until 新增耕地 reaches ``ADDED_RATE_TARGET`` (7.5 %), and 养殖坑塘
  1104A → 0101 (退渔还田) only if those run out; 等别 = village base + 2
  (+ 3 on 1206), KCXS 0.04.  Selecting up to a target makes the margin the
  same for every seed and size instead of a matter of luck.
* 生态修复: the mine 0602 → 0301.
* 建新安置: the idle 0404 beside the village cores → 0702 (CZCSXM 203), as much
  as fits in 60 % of 拆旧复垦 (clusters + mine): 建新 ≤ 拆旧复垦 with a 节余.
* 耕地提质改造: 等别 − 1 on regular strips, exactly as many as keep the mean
  等别 0.05 above the original (see the intended failure).

永久基本农田: before, 85 % of all 耕地 parcels (never the 耕地出 strips) and, as
in real 永农 data, 60 % of the K-plots and 30 % of the 1202.  After (in the
project): 调出 = the PBF pieces of unmerged fragmented blocks, then the
smallest PBF strips, until ≥ 3 % of the project's PBF; 调入 = new non-PBF 耕地
up to half of 1.10 × 调出, then existing non-PBF strips (largest that fits,
last the smallest that closes the gap), so 新增比例 = (调入 − 调出)/调出 ≈
10–15 % (≥ 5 %; in the smallest samples single strips overshoot, up to
≈ 50 %).  8 % of the staying parcels are re-digitised: a 6–24 m stretch of
their west edge gets a 2–5 cm kink (inward, or for a block's first strip
sometimes outward over the ditch), slivers of 0.06–0.6 m², all under the
plugin's 1 m² sliver setting.  Staying parcels keep their BSM.

Which parcels differ between the two representations of the plan: every
DLTB parcel's GHDLBM equals the DLBM of the DLTB_GH parcel covering it (the
test checks this), so class transitions agree.  They differ only in (a)
geometry: the pieces of each merged fragmented block are one DLTB_GH parcel
(new BSM; all other DLTB_GH parcels keep the DLTB BSM), and (b) what a code
field cannot carry: the planned KCXS (田坎 of new and merged 耕地) and 等别
(new, merged and upgraded 耕地).  So 新增耕地 on the TBDLMJ basis differs by a
few tenths of a percent (with GHDLBM, new 耕地 keeps 0 田坎 and merged blocks
keep their old 田坎; the summary prints both), and 耕地 quality after can
only be read from DLTB_GH.

Designed indicator values of the default run (``--parcels 3000 --seed
20261128``, 2 985 parcels, project = 4 villages, 公顷): 耕地 520.38 → 560.09,
新增耕地 39.71 = 7.63 % (7.31 % with GHDLBM); 耕地出 3.69 (等别 3.60), 进 26.99
(等别 6.83); mean 等别 4.788 → 4.837; 建设用地 72.05 → 62.01; 拆旧复垦 13.85
(clusters 8.95 + mine), 建新 3.81; 永农 505.48, 调出 15.17 (128 parcels),
调入 17.06 (40), 新增比例 12.4 %; sub-projects in 2026–2028; one township.
Potential survey (estimate / village 耕地): 钱渎村 26.16 %, 华湾村 20.10 %,
黄巷村 19.44 %, 华港村 15.44 % – the project – then 东湖村 2.25 %, 陈园村
1.78 %.

The one intended failure of the indicators: 耕地 quality.  Restored and
reclaimed 耕地 is poorer (等别 base + 1…3) than the good 耕地 given up to
orchards, so in 耕地进出平衡 the area balance holds (进 ≫ 出) but 进 is worse
than 出 in quality, and the area-weighted mean 等别 of the project's 耕地 rises
by 0.05 (upgrades stop just short of compensating).  Both readings of the rule
(I4 进出 quality and I5 mean 等别) fail, and so does the 等别 of 新增耕地 (6.73)
against a county mean of 5 (the figure ``tools/run_sample.py`` assumes).

Designed conflicts (I12, what a reviewer sends back), in each township's
project, chosen without drawing from the random streams (so every figure
above stays as it was):

* a planned house plot partly in the red line: the first 建新 plot (idle
  0404 beside a village core, planned 0702) gets a red-line polygon
  (饮用水水源保护区) over the west 40 % of its width;
* new 耕地 partly in the red line: the first restored pond (1104 or 1104A
  planned 0101) gets a red-line polygon (湿地) over the west 40 % of its width;
* a steep plot made 耕地: the first other restored plot outside the 永农 has
  GDPDJB 5 (> 25°) in DLTB_GH (DLTB gives it none: it is not 耕地 now).

40 % of the width stays under the potential survey's inside share (0.5), so
no candidate of the survey is excluded by the new polygons.  On the default
run: 2147.14 m² of new 建设用地 and 2212.71 m² of 新增耕地 in the red line,
6683.55 m² of 新增耕地 on a steep slope, no planned 建设用地 on 永久基本农田; the
summary prints each plot's BSM and area.  The 永农 调出 stays at 3.00 % of the
original (≤ 5 %) and the 调入 is not steeper than the 调出.

The survey one year on (DLTB_2027, for ``landconsolidation:progress``)
---------------------------------------------------------------------
What the 2027 change survey shows, by the sub-projects' years (SSND), with
no random draws (so every figure above stays): the 2026 sub-projects are
done (建设用地复垦 and 高标准农田建设: the merged blocks are one parcel, as
in DLTB_GH), the 2027 ones every other parcel (农用地整理, 耕地提质改造,
建新安置; each sub-project's parcels in index order, the 1st, 3rd …), the 2028 ones not at
all (the mine, the river); the 耕地出 strips (in no sub-project) are done.
Parcels that changed get new BSMs (tag 213); the others keep theirs.  The
parcels re-digitised in YJJBNTTB_GH with an inward kink have that outline
here too (slivers under 1 m²), so boundaries differ from both DLTB and
DLTB_GH.  One unplanned change: the first 永农 field strip of the project
that the plan leaves as it is has a house (0702, CZCSXM 203) on its west
third.  So ``landconsolidation:progress`` finds the 2026 sub-projects
已完成, the 2027 ones 滞后 about half done, the 2028 ones 未开始, and one
计划外变化 on 永久基本农田.  The summary prints the planned and realised
change (TBMJ of the changed parcels) and the house's area.

Sub-projects: the 拆旧 (建设用地复垦) of every village and the 建新安置 share the
增减挂钩 项目区 ``<township code>-GG1`` (XMQBH); the mine's 生态修复 is ``-GG2``
(拆旧 only); the others have none.  The 建新安置 lists two funding sources
with their amounts (``社会资本:…;城乡建设用地增减挂钩节余指标收益:…``, 60 / 40 %).
"""
from __future__ import annotations

import argparse
import bisect
import importlib.util
import itertools
import math
import os
import resource
import struct
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


def _bootstrap():
    """``tools/_bootstrap.py``, loaded by path so this module imports from anywhere."""
    name = "_land_consolidation_tools_bootstrap"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("_bootstrap.py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


# ---------------------------------------------------------------------------
# Constants of the design
# ---------------------------------------------------------------------------

EPSG = 4528
#: South-west corner of the first township: ≈ 120.27°E, 31.55°N in zone 40.
X_BASE = 40_526_000.0
Y_BASE = 3_492_000.0
COUNTY_CODE = "320206"
COUNTY_NAME = "惠山区"
#: Villages of one township (3 columns × 2 rows); the first 2 columns form the project.
VILLAGE_COLS, VILLAGE_ROWS = 3, 2
PROJECT_COLS = (0, 1)
#: Below this the villages get too small to hold every element of the design.
MIN_PARCELS = 500
#: Above this many parcels the design is repeated as a county.
ONE_TOWNSHIP_MAX = 12_000
PARCELS_PER_VILLAGE_COUNTY = 2_000
YEARS = (2026, 2027, 2028)
#: 新增耕地 the plan is designed for, as a share of the project's original 耕地.
ADDED_RATE_TARGET = 0.075

# The two halves of a township (see "Two histories" in the module docstring).
#: Block kinds and their weights: the unconsolidated west, the consolidated east.
BLOCK_KINDS = ("regular", "fragmented", "mixed", "orchard", "forest", "pond")
BLOCK_WEIGHTS_WEST = (0.47, 0.15, 0.24, 0.04, 0.03, 0.07)
BLOCK_WEIGHTS_EAST = (0.84, 0.0, 0.0, 0.05, 0.04, 0.07)
#: 田坎 coefficient of regular strips; the east stays below the survey's target 0.03.
KCXS_WEST = (0.03, 0.055)
KCXS_EAST = (0.015, 0.028)
#: Mean width (m) of regular field strips.
STRIP_WIDTH_WEST, STRIP_WIDTH_EAST = 38.0, 55.0
#: Chance that a regular strip has an isolated homestead cluster at its road end (per side).
CLUSTER_P_WEST, CLUSTER_P_EAST = 0.09, 0.02
#: Chance that a regular strip of the east is a leftover of the earlier project, and its codes.
LEFTOVER_P_EAST = 0.015
LEFTOVER_CODES = ("1202", "1104", "0404", "0201K", "1206")
LEFTOVER_WEIGHTS = (0.35, 0.25, 0.2, 0.1, 0.1)
#: The potential survey's default rules the design is checked against (core.potential.Rules).
SURVEY_TARGET_KCXS = 0.03
SURVEY_CANDIDATE_CODES = ("0201K", "0301K", "1104K", "0404", "1206")
#: Each eastern village's estimated potential rate stays below this share of the poorest
#: western village's (lower bound) rate; see ``TownshipWriter._settle_potential``.
POTENTIAL_MARGIN = 0.5

CULTIVATED = ("0101", "0102", "0103")
DLMC = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地", "0201": "果园", "0201K": "可调整果园",
    "0301": "乔木林地", "0301K": "可调整乔木林地", "0404": "其他草地", "05H1": "商业服务业设施用地",
    "0601": "工业用地", "0602": "采矿用地", "0701": "城镇住宅用地", "0702": "农村宅基地",
    "08H1": "机关团体新闻出版用地", "08H2": "科教文卫用地", "0810": "公园与绿地", "1003": "公路用地",
    "1004": "城镇村道路用地", "1006": "农村道路", "1101": "河流水面", "1104": "坑塘水面",
    "1104A": "养殖坑塘", "1104K": "可调整养殖坑塘", "1107": "沟渠", "1202": "设施农用地",
    "1206": "裸土地",
}
CONSTRUCTION = frozenset(
    {"05H1", "0601", "0602", "0701", "0702", "08H1", "08H2", "0810", "1003", "1004"}
)
#: Codes that are 农用地 (三调 template) but not 耕地: the 进 side of 进出平衡.
OTHER_AGRICULTURAL = frozenset(
    {"0201", "0201K", "0301", "0301K", "0404", "1006", "1104", "1104A", "1104K", "1107", "1202"}
)

# Parcel kinds (what the generator made, drives the plan).
(FIELD, FRAG, MIXED, CLUSTER, CORE, SEAT, RESERVE, ROAD, ROAD_IN, DITCH, RIVER, BELT, HWY, MINE,
 POND, ORCHARD, FOREST) = range(17)

TOWN_A = "新东西南北前后安洛阳玉胡钱堰长石"
TOWN_B = "塘桥湾泾港墅庄埠"
VILLAGE_A = "东西南北新前后上下大小杨陈张王钱周吴蒋华黄沈顾许"
VILLAGE_B = "港桥塘浜泾墅巷庄舍湾圩荡埭渎湖河园坝"
RIVERS = ("九里河", "锡北运河", "白屈港", "冯泾河", "北兴塘", "新沟河", "寺头港", "东青河")
CN_NUM = "〇一二三四五六七八九十"

DLTB_FIELDS: list[tuple[str, str, int]] = [
    ("BSM", "str", 18), ("DLBM", "str", 5), ("DLMC", "str", 60), ("TBMJ", "real", 0),
    ("KCDLBM", "str", 5), ("KCXS", "real", 0), ("KCMJ", "real", 0), ("TBDLMJ", "real", 0),
    ("ZLDWDM", "str", 19), ("ZLDWMC", "str", 60), ("QSXZ", "str", 2), ("QSDWDM", "str", 19),
    ("QSDWMC", "str", 60), ("GDLX", "str", 2), ("GDPDJB", "str", 2), ("GDDB", "int", 0),
    ("CZCSXM", "str", 4), ("ZZSXDM", "str", 6), ("TBXHDM", "str", 6), ("XZDWKD", "real", 0),
]
GH_FIELD = ("GHDLBM", "str", 5)
PBF_FIELDS: list[tuple[str, str, int]] = [
    ("BSM", "str", 18), ("DLBM", "str", 5), ("DLMC", "str", 60), ("YJJBNTTBMJ", "real", 0),
    ("GDDB", "int", 0), ("GDPDJB", "str", 2), ("ZLDWDM", "str", 19), ("ZLDWMC", "str", 60),
]
XMQ_FIELDS = [("XMMC", "str", 100), ("XZQDM", "str", 9), ("XZQMC", "str", 60), ("MJ", "real", 0)]
ZXM_FIELDS = [
    ("XMBH", "str", 20), ("XMLX", "str", 20), ("XMMC", "str", 100), ("TZJE", "real", 0),
    ("ZJLY", "str", 100), ("SSND", "int", 0), ("ZRDW", "str", 60), ("XMMJ", "real", 0), ("XMQBH", "str", 20),
]
#: Share of the 建新安置 investment paid by 社会资本; the rest by the 节余指标收益 (a two-source ZJLY).
RESETTLEMENT_PRIVATE_SHARE = 0.6
#: Designed conflicts: the share (west part) of a planned house plot and of a piece of new 耕地 that the
#: extra red-line polygons cover – under the potential survey's inside share (0.5), so no candidate of the
#: survey is excluded by them.
RED_LINE_SHARE = 0.4
STBHHX_FIELDS = [("BSM", "str", 18), ("HXMC", "str", 100), ("HXLX", "str", 20), ("MJ", "real", 0)]
CZKFBJ_FIELDS = [("BSM", "str", 18), ("MC", "str", 100), ("MJ", "real", 0)]


def _r2(value: float) -> float:
    return round(float(value), 2)


def _pick(rng: np.random.Generator, items: Sequence, weights: Sequence[float] | None = None):
    """One item, optionally weighted; ``Generator.choice`` costs ~30 µs a call."""
    u = rng.random()
    if weights is None:
        return items[min(int(u * len(items)), len(items) - 1)]
    return items[min(bisect.bisect_right(list(itertools.accumulate(weights)), u * sum(weights)), len(items) - 1)]


# ---------------------------------------------------------------------------
# Layout: boundaries, bands and cells of one township
# ---------------------------------------------------------------------------


@dataclass
class Boundary:
    """A band edge: y as a piecewise-linear function of x over the township width.

    ``vx``/``vy`` are filled once every cell exists: all breakpoints plus every
    cell division on either side, the vertices each polygon on this edge uses.
    """

    bx: np.ndarray
    by: np.ndarray
    vx: np.ndarray | None = None
    vy: np.ndarray | None = None

    def y(self, xs: np.ndarray) -> np.ndarray:
        return np.interp(xs, self.bx, self.by)

    def nominal(self) -> float:
        return float(self.by.mean())


@dataclass
class Band:
    bottom: int
    top: int
    kind: str  # field, road, river, belt, hwy
    row: int
    width: float = 0.0  # nominal width of linear bands (XZDWKD)


@dataclass
class RiverRow:
    """The river of one township row of the county, continuous across townships."""

    name: str
    center: float  # fraction of the village-row height
    width: float
    belt_lo: float
    belt_hi: float
    amplitude: float
    wavelength: float
    phase: float

    def centre_line(self, xs: np.ndarray, y0: float, hv: float) -> np.ndarray:
        return y0 + self.center * hv + self.amplitude * np.sin(
            2.0 * math.pi * (xs - X_BASE) / self.wavelength + self.phase
        )


@dataclass
class Township:
    """Names, codes and position of one township."""

    index: int
    code: str  # 9 digits
    name: str
    village_codes: list[str]  # 12 digits each
    village_names: list[str]
    x0: float
    y0: float
    wv: float
    hv: float
    river: RiverRow

    @property
    def project_villages(self) -> list[int]:
        return [r * VILLAGE_COLS + c for r in range(VILLAGE_ROWS) for c in PROJECT_COLS]


class Layout:
    """Cells (parcels) of one township, built from bands, blocks and strips."""

    def __init__(self, town: Township, rng: np.random.Generator):
        self.t = town
        self.rng = rng
        self.x1 = round(town.x0 + VILLAGE_COLS * town.wv, 2)
        self.vx = [round(town.x0 + c * town.wv, 2) for c in range(VILLAGE_COLS + 1)]
        self.ry = [round(town.y0 + r * town.hv, 2) for r in range(VILLAGE_ROWS + 1)]
        self.bounds: list[Boundary] = []
        self.bands: list[Band] = []
        self.cols: dict[str, list] = {
            k: [] for k in ("band", "x0", "x1", "flo", "fhi", "code", "kind", "village", "group", "kcxs",
                            "gddb", "gdpdjb", "zzsx", "czcs", "xzdwkd", "block", "first", "base")
        }
        self.blocks: list[dict] = []
        self.village_base = [int(q) for q in rng.integers(4, 7, VILLAGE_COLS * VILLAGE_ROWS)]
        #: Per village: consolidated in the earlier 高标准农田 project (the villages outside XMQ).
        self.east = [v % VILLAGE_COLS not in PROJECT_COLS for v in range(VILLAGE_COLS * VILLAGE_ROWS)]
        self.seat_box: tuple[float, float, float, float] | None = None
        self.belt_bands: tuple[int, int] = (-1, -1)
        self.hwy_x: tuple[float, float] = (0.0, 0.0)
        self._mine_target: tuple[int, int] | None = None
        self._mine_block = -1
        self._pending: list[tuple[int, int, float, float]] = []
        # Codes every township's mixed blocks (all in the west) must show; the first mixed strips take them.
        self._mixed_must = [str(c) for c in rng.permutation(
            ["0201K", "0301K", "1104K", "1104", "1202", "1206", "0404"])]
        # ... and before those, each western village's first mixed strips: a K-plot and
        # 其他草地 or 裸土地, so that every project village has potential to survey.
        self._village_must = {v: [_pick(rng, ("0404", "1206")), _pick(rng, ("0201K", "0301K", "1104K"))]
                              for v in range(VILLAGE_COLS * VILLAGE_ROWS) if not self.east[v]}

    # -- bands -------------------------------------------------------------
    def _const(self, y: float) -> int:
        self.bounds.append(Boundary(np.array([self.t.x0, self.x1]), np.array([y, y])))
        return len(self.bounds) - 1

    def _sloped(self, offset: float) -> int:
        t = self.t
        inner = X_BASE + 40.0 * np.arange(math.ceil((t.x0 - X_BASE) / 40.0 + 1e-9),
                                          math.floor((self.x1 - X_BASE) / 40.0 - 1e-9) + 1)
        xs = np.concatenate(([t.x0], inner, [self.x1]))
        ys = np.round(t.river.centre_line(xs, self.ry[0], t.hv) + offset, 2)
        self.bounds.append(Boundary(xs, ys))
        return len(self.bounds) - 1

    def _stack(self, bottom: int, top: int, row: int) -> None:
        """Field rows separated by rural roads between two existing boundaries."""
        rng = self.rng
        y_lo, y_hi = self.bounds[bottom].nominal(), self.bounds[top].nominal()
        length = y_hi - y_lo
        n = max(1, round((length + 5.0) / (175.0 + 5.0)))
        roads = [float(w) for w in rng.choice([4.0, 4.5, 5.0, 5.5, 6.0], n - 1)]
        heights = rng.uniform(0.8, 1.2, n)
        heights *= (length - sum(roads)) / heights.sum()
        current, y = bottom, y_lo
        for i in range(n):
            if i == n - 1:
                nxt = top
            else:
                y = round(y + heights[i], 2)
                nxt = self._const(y)
            self.bands.append(Band(current, nxt, "field", row))
            current = nxt
            if i < n - 1:
                y = round(y + roads[i], 2)
                nxt = self._const(y)
                self.bands.append(Band(current, nxt, "road", row, roads[i]))
                current = nxt

    def plan_bands(self) -> None:
        t, r = self.t, self.t.river
        bottom = self._const(self.ry[0])
        half = r.width / 2.0
        s1 = self._sloped(-half - r.belt_lo)
        s2 = self._sloped(-half)
        s3 = self._sloped(half)
        s4 = self._sloped(half + r.belt_hi)
        row_top = self._const(self.ry[1])
        self._stack(bottom, s1, 0)
        self.bands.append(Band(s1, s2, "belt", 0, r.belt_lo))
        self.bands.append(Band(s2, s3, "river", 0, r.width))
        self.bands.append(Band(s3, s4, "belt", 0, r.belt_hi))
        self.belt_bands = (len(self.bands) - 3, len(self.bands) - 1)
        self._stack(s4, row_top, 0)
        hw = float(self.rng.choice([18.0, 20.0, 22.0, 24.0]))
        hwy_top = self._const(round(self.ry[1] + hw, 2))
        self.bands.append(Band(row_top, hwy_top, "hwy", 1, hw))
        self._stack(hwy_top, self._const(self.ry[2]), 1)
        vw = float(self.rng.choice([14.0, 16.0, 18.0]))
        hx0 = round(self.vx[1] + 0.3 * t.wv, 2)
        self.hwy_x = (hx0, round(hx0 + vw, 2))

    # -- cells -------------------------------------------------------------
    def _add(self, band: int, x0: float, x1: float, code: str, kind: int, village: int, *,
             flo: float = 0.0, fhi: float = 1.0, kcxs: float = 0.0, gddb: int = 0, gdpdjb: str = "",
             zzsx: str = "", czcs: str = "", xzdwkd: float = float("nan"), block: int = -1,
             first: bool = False, base: str = "") -> None:
        c = self.cols
        xc = 0.5 * (x0 + x1) - self.vx[village % VILLAGE_COLS]
        group = 1 + min(3, max(0, int(4.0 * xc / self.t.wv))) + 4 * (band % 2)
        for key, value in (("band", band), ("x0", x0), ("x1", x1), ("flo", flo), ("fhi", fhi),
                           ("code", code), ("kind", kind), ("village", village), ("group", group),
                           ("kcxs", kcxs), ("gddb", gddb), ("gdpdjb", gdpdjb), ("zzsx", zzsx),
                           ("czcs", czcs), ("xzdwkd", xzdwkd), ("block", block), ("first", first),
                           ("base", base)):
            c[key].append(value)

    def _cult(self, village: int, frag: bool) -> dict:
        rng = self.rng
        kcxs = rng.uniform(0.06, 0.09) if frag else rng.uniform(*(KCXS_EAST if self.east[village] else KCXS_WEST))
        gddb = self.village_base[village] + _pick(rng, (-1, 0, 0, 0, 1))
        return {
            "kcxs": round(float(kcxs), 4),
            "gddb": int(min(max(gddb, 3), 8)),
            "gdpdjb": "1" if rng.random() < 0.9 else "2",
            "zzsx": _pick(rng, ("LS", "LS", "LS", "LS", "LS", "FLS", "FLS", "LLJZ")),
        }

    def _divide(self, a: float, b: float, mean: float, spread: float = 0.3) -> list[float]:
        """Division points a = x_0 < … < x_n = b of roughly ``mean`` wide pieces."""
        width = b - a
        n = max(1, round(width / mean))
        w = self.rng.uniform(1.0 - spread, 1.0 + spread, n)
        xs = [a] + [round(a + v, 2) for v in np.cumsum(w / w.sum() * width)[:-1].tolist()] + [b]
        return xs

    def _road_side(self, band: int) -> tuple[bool, bool]:
        below = band > 0 and self.bands[band - 1].kind == "road"
        above = band + 1 < len(self.bands) and self.bands[band + 1].kind == "road"
        return below, above

    def _specials(self) -> tuple[dict, dict]:
        """Village cores, reserve strips, the seat and the mine: where they go."""
        rng, t = self.rng, self.t
        specials: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        road_specials: dict[tuple[int, int], tuple[float, float, str]] = {}
        field_rows = {
            row: [i for i, b in enumerate(self.bands) if b.kind == "field" and b.row == row]
            for row in range(VILLAGE_ROWS)
        }
        seat_village = 1 * VILLAGE_COLS + 1
        big = {int(v) for v in rng.choice([0, 1, 2, 3, 5], 2, replace=False)}
        for v in range(VILLAGE_COLS * VILLAGE_ROWS):
            row, col = divmod(v, VILLAGE_COLS)
            rows = field_rows[row]
            if v == seat_village:
                first = rows[0]
                seat_bands = [first]
                x_end = round(min(self.hwy_x[1] + 0.45 * t.wv, self.vx[col + 1] - 60.0), 2)
                if first + 2 < len(self.bands) and self.bands[first + 2].kind == "field" \
                        and self.bands[first + 1].kind == "road":
                    seat_bands.append(first + 2)
                    road_specials[(first + 1, v)] = (self.hwy_x[1], x_end, "202")
                for b in seat_bands:
                    specials[(b, v)] = [(self.hwy_x[1], x_end, "seat")]
                y_top = self.bounds[self.bands[seat_bands[-1]].top].nominal()
                y_bot = self.bounds[self.bands[first].bottom].nominal()
                self.seat_box = (self.hwy_x[1], y_bot, x_end, y_top)
                continue
            inner = [b for b in rows if self._road_side(b) == (True, True)] or rows
            band = inner[len(inner) // 2]
            centre = self.vx[col] + t.wv * float(rng.uniform(0.4, 0.6))
            width = float(np.clip(t.wv * rng.uniform(0.18, 0.26), 100.0, 420.0))
            ca, cb = round(centre - width / 2, 2), round(centre + width / 2, 2)
            # Idle grass beside the core, the 建新 site; scales with the village.  The
            # consolidated east used its idle land in the earlier project.
            ra = round(ca - t.wv * float(rng.uniform(0.035, 0.06)), 2)
            if ra < self.vx[col] + 60.0 or self.east[v]:
                ra = ca
            items = [(ca, cb, "core")]
            if ra < ca:
                items.insert(0, (ra, ca, "reserve"))
            specials[(band, v)] = items
            if v in big and band + 2 < len(self.bands) and self.bands[band + 1].kind == "road" \
                    and self.bands[band + 2].kind == "field" and self.bands[band + 2].row == row:
                specials[(band + 2, v)] = [(ca, cb, "core")]
                road_specials[(band + 1, v)] = (ca, cb, "203")
        # The mine: a block of the south-west village, off its core row.
        mine_village = 0
        candidates = [b for b in field_rows[0] if (b, mine_village) not in specials]
        if candidates:
            self._mine_target = (candidates[0], mine_village)
        return specials, road_specials

    def build(self) -> None:
        """Create every cell of the township."""
        self.plan_bands()
        specials, road_specials = self._specials()
        rng = self.rng
        hx0, hx1 = self.hwy_x
        for bi, band in enumerate(self.bands):
            for col in range(VILLAGE_COLS):
                v = band.row * VILLAGE_COLS + col
                a, b = self.vx[col], self.vx[col + 1]
                segments = [(a, b)]
                if band.row == 1 and col == 1 and band.kind != "hwy":
                    segments = [(a, hx0), (hx1, b)]
                    self._add(bi, hx0, hx1, "1003", HWY, v, czcs="", xzdwkd=hx1 - hx0)
                for sa, sb in segments:
                    if band.kind == "field":
                        self._fill_field_band(bi, v, sa, sb, specials.get((bi, v), []))
                    elif band.kind == "road":
                        self._fill_road(bi, v, sa, sb, band.width, road_specials.get((bi, v)))
                    elif band.kind == "river":
                        self._add(bi, sa, sb, "1101", RIVER, v, xzdwkd=band.width)
                    elif band.kind == "hwy":
                        self._add(bi, sa, sb, "1003", HWY, v, xzdwkd=band.width)
                    elif band.kind == "belt":
                        xs = self._divide(sa, sb, 300.0, 0.35)
                        for x0, x1 in itertools.pairwise(xs):
                            code = "0301" if rng.random() < 0.7 else "0404"
                            self._add(bi, x0, x1, code, BELT, v)
        for (bi, v, a, b), kind in zip(self._pending, self._block_kinds()):
            self._fill_block(bi, v, a, b, kind)

    def _block_kinds(self) -> list[str]:
        """Kinds of the pending blocks: random, but every kind the plan needs occurs.

        The weights differ between the unconsolidated west and the consolidated
        east (no fragmented or mixed blocks).  Each western village gets at
        least one fragmented and one mixed block, the township at least one
        orchard, forest and pond block (small samples would otherwise miss
        some by chance).
        """
        rng = self.rng
        kinds = [
            "mine" if i == self._mine_block else
            _pick(rng, BLOCK_KINDS, BLOCK_WEIGHTS_EAST if self.east[village] else BLOCK_WEIGHTS_WEST)
            for i, (_, village, _, _) in enumerate(self._pending)
        ]

        def force(kind: str, village: int | None) -> None:
            regular = [i for i, k in enumerate(kinds) if k == "regular"
                       and (village is None or self._pending[i][1] == village)]
            if regular:
                kinds[regular[int(rng.integers(len(regular)))]] = kind

        for v in range(VILLAGE_COLS * VILLAGE_ROWS):
            if self.east[v]:
                continue
            present = {k for (_, village, _, _), k in zip(self._pending, kinds) if village == v}
            for kind in ("fragmented", "mixed"):
                if kind not in present:
                    force(kind, v)
        for kind in ("orchard", "forest", "pond"):
            if kind not in kinds:
                force(kind, None)
        return kinds

    def _fill_road(self, bi: int, v: int, a: float, b: float, width: float,
                   special: tuple[float, float, str] | None) -> None:
        if special and a <= special[0] < special[1] <= b:
            sa, sb, czcs = special
            if sa > a:
                self._add(bi, a, sa, "1006", ROAD, v, xzdwkd=width)
            self._add(bi, sa, sb, "1004", ROAD_IN, v, czcs=czcs, xzdwkd=width)
            if sb < b:
                self._add(bi, sb, b, "1006", ROAD, v, xzdwkd=width)
        else:
            self._add(bi, a, b, "1006", ROAD, v, xzdwkd=width)

    def _fill_field_band(self, bi: int, v: int, a: float, b: float,
                         items: list[tuple[float, float, str]]) -> None:
        cursor = a
        for sa, sb, what in items:
            if not (a <= sa < sb <= b):
                continue
            if sa > cursor:
                self._fill_blocks(bi, v, cursor, sa)
            if what == "core":
                self._fill_core(bi, v, sa, sb, "203")
            elif what == "seat":
                self._fill_core(bi, v, sa, sb, "202")
            else:
                for x0, x1 in self._pairs(self._divide(sa, sb, 28.0, 0.25)):
                    self._add(bi, x0, x1, "0404", RESERVE, v)
            cursor = sb
        if cursor < b:
            self._fill_blocks(bi, v, cursor, b)

    def _fill_core(self, bi: int, v: int, a: float, b: float, czcs: str) -> None:
        """A village core (203) or the township seat (202): homesteads, lanes, services."""
        rng = self.rng
        xs = self._divide(a, b, 48.0, 0.35)
        n = len(xs) - 1
        factory = n - 1 if n > 2 else -1
        service = 1 if n > 3 else (0 if n == 3 else -1)
        seat = czcs == "202"
        for i, (x0, x1) in enumerate(itertools.pairwise(xs)):
            if i == factory:
                self._add(bi, x0, x1, "0601", SEAT if seat else CORE, v, czcs=czcs)
                continue
            if i == service:
                code = "08H2" if not seat else _pick(rng, ("08H1", "08H2"))
                self._add(bi, x0, x1, code, SEAT if seat else CORE, v, czcs=czcs)
                continue
            if i % 3 == 2 and x1 - x0 > 20.0:
                # A lane along the strip's west side.
                lane = round(x0 + _pick(rng, (5.0, 6.0, 7.0)), 2)
                self._add(bi, x0, lane, "1004", SEAT if seat else CORE, v, czcs=czcs,
                          xzdwkd=round(lane - x0, 2))
                x0 = lane
            if seat:
                codes = [_pick(rng, ("0701", "0701", "0701", "05H1", "0810")) for _ in range(2)]
            else:
                codes = ["0702", "0702"]
            f = round(float(rng.uniform(0.4, 0.6)), 3)
            self._add(bi, x0, x1, codes[0], SEAT if seat else CORE, v, fhi=f, czcs=czcs)
            self._add(bi, x0, x1, codes[1], SEAT if seat else CORE, v, flo=f, czcs=czcs)

    def _fill_blocks(self, bi: int, v: int, a: float, b: float) -> None:
        """Blocks separated by ditches; the blocks are filled once all are known."""
        rng = self.rng
        length = b - a
        n = max(1, round((length + 3.0) / (260.0 + 3.0)))
        ditches = [float(w) for w in rng.choice([2.0, 2.5, 3.0, 3.5, 4.0], n - 1)]
        widths = rng.uniform(0.7, 1.3, n)
        widths *= (length - sum(ditches)) / widths.sum()
        if self._mine_target == (bi, v) and self._mine_block < 0:
            self._mine_block = len(self._pending) + (1 if n > 2 else 0)
        x = a
        for i in range(n):
            x_end = b if i == n - 1 else round(x + widths[i], 2)
            self._pending.append((bi, v, x, x_end))
            x = x_end
            if i < n - 1:
                d_end = round(x + ditches[i], 2)
                self._add(bi, x, d_end, "1107", DITCH, v, xzdwkd=ditches[i])
                x = d_end

    def _fill_block(self, bi: int, v: int, a: float, b: float, kind: str) -> None:
        rng = self.rng
        block = len(self.blocks)
        base = _pick(rng, CULTIVATED, (0.7, 0.2, 0.1))
        self.blocks.append({"band": bi, "x0": a, "x1": b, "village": v, "kind": kind, "base": base})
        below, above = self._road_side(bi)
        if kind == "mine":
            self._add(bi, a, b, "0602", MINE, v, czcs="204", block=block)
            return
        if kind == "forest":
            for x0, x1 in self._pairs(self._divide(a, b, 120.0)):
                self._add(bi, x0, x1, "0301", FOREST, v, block=block)
            return
        if kind == "orchard":
            for x0, x1 in self._pairs(self._divide(a, b, 50.0)):
                self._add(bi, x0, x1, "0201", ORCHARD, v, block=block)
            return
        if kind == "pond":
            for j, (x0, x1) in enumerate(self._pairs(self._divide(a, b, 50.0))):
                f = round(float(rng.uniform(0.4, 0.6)), 3)
                self._add(bi, x0, x1, "1104A", POND, v, fhi=f, block=block, first=j == 0)
                self._add(bi, x0, x1, "1104A", POND, v, flo=f, block=block, first=j == 0)
            return
        if kind == "fragmented":
            for j, (x0, x1) in enumerate(self._pairs(self._divide(a, b, 14.0, 0.4))):
                cuts = [0.0] + sorted(round(float(c), 3) for c in rng.uniform(0.2, 0.8, int(rng.integers(1, 3)))) + [1.0]
                if len(cuts) == 4 and cuts[2] - cuts[1] < 0.15:
                    cuts = [0.0, cuts[1], 1.0]
                for lo, hi in itertools.pairwise(cuts):
                    code = base if rng.random() < 0.85 else _pick(rng, CULTIVATED)
                    self._add(bi, x0, x1, code, FRAG, v, flo=lo, fhi=hi, block=block, first=j == 0,
                              base=base, **self._cult(v, True))
            return
        mixed = kind == "mixed"
        east = self.east[v]
        mixed_codes = ["0101", "0102", "0404", "1202", "1206", "0201K", "0301K", "1104K", "1104"]
        mixed_p = [0.42, 0.06, 0.10, 0.07, 0.05, 0.08, 0.06, 0.06, 0.10]
        cluster_p = CLUSTER_P_EAST if east else CLUSTER_P_WEST
        width = STRIP_WIDTH_EAST if east else STRIP_WIDTH_WEST
        for j, (x0, x1) in enumerate(self._pairs(self._divide(a, b, width, 0.4))):
            if mixed:
                must = self._village_must.get(v) or self._mixed_must
                code = must.pop() if must else _pick(rng, mixed_codes, mixed_p)
            elif east and rng.random() < LEFTOVER_P_EAST:
                code = _pick(rng, LEFTOVER_CODES, LEFTOVER_WEIGHTS)
            else:
                code = base if rng.random() < 0.85 else _pick(rng, CULTIVATED)
            cult = code in CULTIVATED
            attrs = self._cult(v, False) if cult else {}
            strip_kind = FIELD if cult else MIXED
            # An isolated homestead cluster at the strip's road end.
            cluster = ""
            if cult and x1 - x0 >= 20.0:
                if below and rng.random() < cluster_p:
                    cluster = "below"
                elif above and rng.random() < cluster_p:
                    cluster = "above"
            if cluster:
                height = self._height(bi, 0.5 * (x0 + x1))
                f = round(float(rng.uniform(22.0, 38.0)) / height, 3)
                c_lo, c_hi = (0.0, f) if cluster == "below" else (1.0 - f, 1.0)
                f_lo, f_hi = (f, 1.0) if cluster == "below" else (0.0, 1.0 - f)
                self._add(bi, x0, x1, "0702", CLUSTER, v, flo=c_lo, fhi=c_hi, czcs="203", block=block,
                          first=j == 0, base=code, gddb=attrs["gddb"])
                self._add(bi, x0, x1, code, strip_kind, v, flo=f_lo, fhi=f_hi, block=block,
                          first=j == 0, base=base, **attrs)
            else:
                self._add(bi, x0, x1, code, strip_kind, v, block=block, first=j == 0, base=base, **attrs)

    @staticmethod
    def _pairs(xs: list[float]) -> list[tuple[float, float]]:
        return list(itertools.pairwise(xs))

    def _height(self, bi: int, x: float) -> float:
        band = self.bands[bi]
        xs = np.array([x])
        return float(self.bounds[band.top].y(xs)[0] - self.bounds[band.bottom].y(xs)[0])

    # -- geometry ----------------------------------------------------------
    def finish(self) -> None:
        """Freeze the columns and give every boundary the vertices of both sides."""
        c = self.cols
        self.arr = {k: np.array(v) for k, v in c.items() if k not in ("code", "base", "gdpdjb", "zzsx", "czcs")}
        for k in ("code", "base", "gdpdjb", "zzsx", "czcs"):
            self.arr[k] = np.array(c[k], dtype=object)
        self.cols = {}
        band = self.arr["band"]
        divisions: dict[int, list[np.ndarray]] = {}
        for bi, b in enumerate(self.bands):
            sel = band == bi
            xs = np.concatenate((self.arr["x0"][sel], self.arr["x1"][sel]))
            divisions.setdefault(b.bottom, []).append(xs)
            divisions.setdefault(b.top, []).append(xs)
        for bid, bnd in enumerate(self.bounds):
            vx = np.unique(np.concatenate([bnd.bx] + divisions.get(bid, [])))
            vx = vx[(vx >= self.t.x0) & (vx <= self.x1)]
            bnd.vx = vx
            bnd.vy = np.round(bnd.y(vx), 4)

    def _edge(self, band: Band, x0: float, x1: float, f: float) -> tuple[np.ndarray, np.ndarray]:
        """Vertices of the horizontal-ish edge at fraction ``f`` of the band, west to east."""
        if f == 0.0 or f == 1.0:
            bnd = self.bounds[band.bottom if f == 0.0 else band.top]
            i0 = int(np.searchsorted(bnd.vx, x0, "left"))
            i1 = int(np.searchsorted(bnd.vx, x1, "right"))
            return bnd.vx[i0:i1], bnd.vy[i0:i1]
        lo, hi = self.bounds[band.bottom], self.bounds[band.top]
        inner = np.concatenate((lo.bx, hi.bx))
        xs = np.unique(np.concatenate(([x0, x1], inner[(inner > x0) & (inner < x1)])))
        ylo, yhi = lo.y(xs), hi.y(xs)
        return xs, np.round(ylo + f * (yhi - ylo), 4)

    def ring(self, band: int, x0: float, x1: float, flo: float, fhi: float) -> np.ndarray:
        """Closed counter-clockwise exterior ring of a cell, ``N×2``."""
        b = self.bands[band]
        bx, by = self._edge(b, x0, x1, flo)
        tx, ty = self._edge(b, x0, x1, fhi)
        xs = np.concatenate((bx, tx[::-1], bx[:1]))
        ys = np.concatenate((by, ty[::-1], by[:1]))
        return np.column_stack((xs, ys))

    def part_ring(self, band: int, x0: float, x1: float, flo: float, fhi: float) -> np.ndarray:
        """Closed ring of the part of a cell between ``x0`` and ``x1`` (``x1`` need not be a division).

        Its south and north edges follow the band's boundaries (with their
        breakpoints), at fractions ``flo`` and ``fhi`` of the band's height.
        """
        b = self.bands[band]
        lo, hi = self.bounds[b.bottom], self.bounds[b.top]
        inner = np.concatenate((lo.bx, hi.bx, lo.vx, hi.vx))
        xs = np.unique(np.concatenate(([x0, x1], inner[(inner > x0) & (inner < x1)])))
        ylo, yhi = lo.y(xs), hi.y(xs)
        bottom = np.round(ylo + flo * (yhi - ylo), 4)
        top = np.round(ylo + fhi * (yhi - ylo), 4)
        xs_ring = np.concatenate((xs, xs[::-1], xs[:1]))
        ys_ring = np.concatenate((bottom, top[::-1], bottom[:1]))
        return np.column_stack((xs_ring, ys_ring))

    def boundary_ring(self, bottom: int, top: int) -> np.ndarray:
        """Ring of the whole-width strip between two boundaries (red line)."""
        lo, hi = self.bounds[bottom], self.bounds[top]
        xs = np.concatenate((lo.vx, hi.vx[::-1], lo.vx[:1]))
        ys = np.concatenate((lo.vy, hi.vy[::-1], lo.vy[:1]))
        return np.column_stack((xs, ys))


# ---------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------

_MP1 = struct.pack("<BIIBII", 1, 6, 1, 1, 3, 1)  # MultiPolygon of 1 polygon of 1 ring


def ring_wkb(ring: np.ndarray) -> bytes:
    """Single-part MultiPolygon WKB (little endian) of one closed ring."""
    ring = np.ascontiguousarray(ring, dtype="<f8")
    return _MP1 + struct.pack("<I", ring.shape[0]) + ring.tobytes()


def rect_ring(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]], dtype=float)


def kinked(ring: np.ndarray, delta: float, half: float) -> np.ndarray:
    """The ring with a ``delta`` (m, + inward) kink in its west edge, ``2·half`` m long.

    Cells start at their south-west corner and close along the west edge, so
    that edge runs from ``ring[-2]`` down to ``ring[-1]`` at constant x.
    """
    x = ring[0, 0]
    y_lo, y_hi = ring[0, 1], ring[-2, 1]
    half = min(half, 0.3 * (y_hi - y_lo))
    ym = round(0.5 * (y_lo + y_hi), 4)
    extra = np.array([[x, ym + half], [round(x + delta, 4), ym], [x, ym - half]])
    return np.concatenate((ring[:-1], extra, ring[-1:]))


class Areas:
    """Ellipsoidal areas through the plugin's own ``core.ellipsoid``."""

    def __init__(self, ellipsoid_module, gk):
        from qgis.core import QgsGeometry

        self._ellipsoid = ellipsoid_module
        self._gk = gk
        self._geometry = QgsGeometry

    def geometry(self, wkb: bytes):
        g = self._geometry()
        g.fromWkb(wkb)
        return g

    def of(self, wkbs: Sequence[bytes]) -> np.ndarray:
        """Areas in m² (unrounded) of WKB polygons, in order."""
        return self._ellipsoid.geometry_areas(self._gk, (self.geometry(w) for w in wkbs))

    def union(self, wkbs: Sequence[bytes]) -> bytes:
        """WKB of the (multi-part) union of polygons."""
        geom = self._geometry.unaryUnion([self.geometry(w) for w in wkbs])
        geom.convertToMultiType()
        return bytes(geom.asWkb())


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


class Sink:
    """One GeoPackage layer written through OGR."""

    def __init__(self, ds, name: str, fields: list[tuple[str, str, int]], srs):
        from osgeo import ogr

        types = {"str": ogr.OFTString, "real": ogr.OFTReal, "int": ogr.OFTInteger}
        self.layer = ds.CreateLayer(name, srs, ogr.wkbMultiPolygon,
                                    options=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"])
        for fname, ftype, width in fields:
            definition = ogr.FieldDefn(fname, types[ftype])
            if width:
                definition.SetWidth(width)
            self.layer.CreateField(definition)
        self.defn = self.layer.GetLayerDefn()
        self.names = [f[0] for f in fields]
        # Typed setters skip SetField's per-call type dispatch in Python (GDAL 3.6
        # has no public SetFieldDouble, so reals still go through SetField).
        setters = {"str": ogr.Feature.SetFieldString, "real": ogr.Feature.SetField,
                   "int": ogr.Feature.SetFieldInteger64}
        self.setters = [setters[f[1]] for f in fields]
        self.count = 0
        self._ogr = ogr

    def add(self, wkb: bytes, values: Sequence) -> None:
        """Write one feature; ``None`` values stay NULL."""
        feature = self._ogr.Feature(self.defn)
        for i, (setter, value) in enumerate(zip(self.setters, values)):
            if value is not None:
                setter(feature, i, value)
        feature.SetGeometryDirectly(self._ogr.CreateGeometryFromWkb(wkb))
        self.layer.CreateFeature(feature)
        self.count += 1


# ---------------------------------------------------------------------------
# Plan and indicators for one township
# ---------------------------------------------------------------------------


@dataclass
class Counters:
    """Running totals for the printed summary."""

    layers: dict[str, int] = field(default_factory=dict)
    by_group: dict[str, dict[str, float]] = field(default_factory=lambda: {"DLTB": {}, "DLTB_GH": {}})
    projects: list[dict] = field(default_factory=list)


def _first_level(code: str) -> str:
    base = code[:-1] if code[-1:] in ("K", "A") else code
    return base[:2] if base[:2] != "08" else "08"


class TownshipWriter:
    """Builds one township's plan and writes all its features."""

    def __init__(self, town: Township, layout: Layout, areas: Areas, sinks: dict[str, Sink],
                 seq: dict[str, int], counters: Counters):
        self.t, self.l, self.areas, self.sinks, self.seq, self.counters = (
            town, layout, areas, sinks, seq, counters)
        self.rng = layout.rng

    def _bsm(self, tag: str) -> str:
        self.seq[tag] = self.seq.get(tag, 0) + 1
        return f"{COUNTY_CODE}{tag}{self.seq[tag]:09d}"

    # -- ownership -----------------------------------------------------------
    def _owner(self, kind: int, village: int, group: int) -> tuple[str, str, str]:
        t = self.t
        if kind == RIVER:
            return "10", f"{t.code}0000000000", "国有"
        if kind == HWY:
            return "20", f"{t.code}0000000000", f"{COUNTY_NAME}交通运输局"
        vcode, vname = t.village_codes[village], t.village_names[village]
        if kind in (FIELD, FRAG, MIXED, CLUSTER, POND, ORCHARD, RESERVE):
            return "31", f"{vcode}{group:02d}00000", f"{vname}{CN_NUM[group]}组"
        return "32", f"{vcode}0000000", f"{vname}农民集体"

    def _potential_bounds(self, tbmj: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per village: 耕地 (Σ TBDLMJ) and bounds of the potential survey's estimate.

        Mirrors ``core.potential`` with its default rules and this township's
        red line and 城镇开发边界: the *certain* estimate counts K-plots, 其他草地
        and 裸土地 off the riparian belts (the belts are red line), the mine and
        田坎 above 0.03 – none of which an exclusion can remove; the *possible*
        estimate adds every isolated homestead cluster (the survey drops those
        within 50 m of a village core or inside the 城镇开发边界).
        """
        a = self.l.arr
        code, kind, village = a["code"], a["kind"], a["village"]
        n_villages = VILLAGE_COLS * VILLAGE_ROWS
        tb = tbmj.tolist()
        kcmj = np.array([round(t * k, 2) for t, k in zip(tb, a["kcxs"].astype(float).tolist())])
        is_cult = np.isin(code, CULTIVATED)
        cult = np.bincount(village, np.where(is_cult, np.round(tbmj - kcmj, 2), 0.0), n_villages)
        target = np.round(tbmj * SURVEY_TARGET_KCXS, 2)
        net_new = np.round(tbmj - target, 2)
        tiankan = np.where(is_cult, np.maximum(np.round(kcmj - target, 2), 0.0), 0.0)
        certain = np.where((np.isin(code, SURVEY_CANDIDATE_CODES) & (kind != BELT)) | (kind == MINE),
                           net_new, 0.0) + tiankan
        possible = certain + np.where(kind == CLUSTER, net_new, 0.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            lower = np.bincount(village, certain, n_villages) / cult
            upper = np.bincount(village, possible, n_villages) / cult
        return cult, lower, upper

    def _settle_potential(self, tbmj: np.ndarray) -> dict:
        """Make sure the potential survey ranks the project's villages first.

        By design the consolidated east has little potential left, but in a
        small township one leftover strip or a few homestead clusters could
        still lift an eastern village close to a western one.  While an eastern
        village's *possible* rate is not below ``POTENTIAL_MARGIN`` times the
        poorest western village's *certain* rate, its largest candidate is
        taken away as the earlier project would have: a leftover strip becomes
        耕地 of its block, a homestead cluster a 设施农用地 1202 (farm sheds).
        Returns the rates for the summary.
        """
        lay = self.l
        a = lay.arr
        west = [v for v in range(VILLAGE_COLS * VILLAGE_ROWS) if not lay.east[v]]
        east = [v for v in range(VILLAGE_COLS * VILLAGE_ROWS) if lay.east[v]]
        cult, lower, upper = self._potential_bounds(tbmj)
        limit = POTENTIAL_MARGIN * float(min(lower[west]))
        settled = 0
        for v in east:
            while upper[v] >= limit:
                cells = np.flatnonzero((a["village"] == v) & (
                    ((a["kind"] == MIXED) & np.isin(a["code"], SURVEY_CANDIDATE_CODES)) | (a["kind"] == CLUSTER)))
                if not cells.size:
                    break
                i = int(cells[np.argmax(tbmj[cells])])
                if a["kind"][i] == CLUSTER:
                    a["code"][i], a["kind"][i], a["czcs"][i] = "1202", MIXED, ""
                else:
                    attrs = lay._cult(v, False)
                    a["code"][i], a["kind"][i] = a["base"][i], FIELD
                    a["kcxs"][i], a["gddb"][i] = attrs["kcxs"], attrs["gddb"]
                    a["gdpdjb"][i], a["zzsx"][i] = attrs["gdpdjb"], attrs["zzsx"]
                settled += 1
                cult, lower, upper = self._potential_bounds(tbmj)
        return {
            "potential_west": [100.0 * float(lower[v]) for v in west],
            "potential_east": [100.0 * float(upper[v]) for v in east],
            "potential_settled": settled,
        }

    def run(self) -> None:
        """Geometry, areas, plan, PBF, sub-projects; write everything."""
        rng, lay, t = self.rng, self.l, self.t
        a = lay.arr
        n = a["band"].shape[0]
        rings = [lay.ring(int(a["band"][i]), float(a["x0"][i]), float(a["x1"][i]),
                          float(a["flo"][i]), float(a["fhi"][i])) for i in range(n)]
        wkbs = [ring_wkb(r) for r in rings]
        tbmj = np.array([_r2(v) for v in self.areas.of(wkbs)])
        potential = self._settle_potential(tbmj)
        code = a["code"]
        kind = a["kind"]
        village = a["village"]
        kcxs = a["kcxs"].astype(float)
        gddb = a["gddb"].astype(int)
        is_cult = np.isin(code, CULTIVATED)
        # Python floats: round() on numpy scalars is slow and rounds differently at the half.
        kcmj = np.array([round(t * k, 2) for t, k in zip(tbmj.tolist(), kcxs.tolist())])
        tbdlmj = np.array([round(t - k, 2) for t, k in zip(tbmj.tolist(), kcmj.tolist())])
        proj = np.isin(village, t.project_villages)
        vbase = np.array(lay.village_base)[village]

        gh = {
            "code": code.copy(), "kcxs": kcxs.copy(), "gddb": gddb.copy(),
            "gdpdjb": a["gdpdjb"].copy(), "zzsx": a["zzsx"].copy(), "czcs": a["czcs"].copy(),
        }
        new_cult = np.zeros(n, bool)

        def to_cult(idx: np.ndarray, new_code, quality: np.ndarray, coefficient: float) -> None:
            if isinstance(new_code, str):
                new_code = [new_code] * len(idx)
            gh["code"][idx] = [str(c) for c in new_code]
            gh["kcxs"][idx] = coefficient
            gh["gddb"][idx] = np.minimum(quality, 15)
            gh["gdpdjb"][idx] = "1"
            gh["zzsx"][idx] = "LS"
            gh["czcs"][idx] = ""
            new_cult[idx] = True

        # 永久基本农田 before: most 耕地, everywhere, and (as in real 永农 data) some
        # K-plots and 设施农用地 inside it.
        draw = rng.random(n)
        pbf0 = (is_cult & (draw < 0.85)) | (np.isin(code, ["0201K", "0301K", "1104K"]) & (draw < 0.6)) \
            | ((code == "1202") & (draw < 0.3))
        cult_before = float(tbdlmj[proj & is_cult].sum())

        # 耕地出: good, non-PBF regular strips to orchards, the best 等别 first (in random
        # order within a grade), so 出 is better than 进 (village base + 2 or worse) for any seed.
        cand = np.flatnonzero(proj & is_cult & ~pbf0 & (kind == FIELD) & (gddb <= vbase))
        cand = cand[np.lexsort((rng.random(len(cand)), gddb[cand]))]
        out_idx = []
        total = 0.0
        for i in cand:
            if total >= 0.006 * cult_before:
                break
            out_idx.append(i)
            total += tbdlmj[i]
        out_idx = np.array(sorted(out_idx), dtype=int)
        gh["code"][out_idx] = "0201"
        gh["kcxs"][out_idx] = 0.0
        gh["gddb"][out_idx] = 0
        gh["gdpdjb"][out_idx] = ""
        gh["zzsx"][out_idx] = ""

        # 高标准农田建设: merge 60 % of the project's fragmented blocks.
        blocks = lay.blocks
        frag_blocks = [b for b, info in enumerate(blocks) if info["kind"] == "fragmented"
                       and info["village"] in t.project_villages]
        merged_blocks = [b for b in frag_blocks if rng.random() < 0.6]
        kept_frag = [b for b in frag_blocks if b not in set(merged_blocks)]
        block_of = a["block"]
        merged_cells = np.isin(block_of, merged_blocks) & (kind == FRAG)
        merged: dict[int, dict] = {}
        for b in merged_blocks:
            info = blocks[b]
            cells = np.flatnonzero((block_of == b) & (kind == FRAG))
            gh["code"][cells] = info["base"]
            ring = lay.ring(info["band"], info["x0"], info["x1"], 0.0, 1.0)
            weights = tbdlmj[cells]
            quality = round(float((gddb[cells] * weights).sum() / weights.sum()))
            gh["gddb"][cells] = quality
            gh["kcxs"][cells] = 0.03
            first = int(cells[0])
            merged[first] = {"block": b, "cells": cells, "wkb": ring_wkb(ring), "gddb": quality}
        gain = -float(tbdlmj[out_idx].sum())  # 新增耕地 so far (TBDLMJ basis)
        if merged:
            m_area = self.areas.of([m["wkb"] for m in merged.values()])
            for m, area in zip(merged.values(), m_area):
                m["tbmj"] = _r2(area)
                gain += _r2(m["tbmj"] - _r2(round(m["tbmj"] * 0.03, 2))) - float(tbdlmj[m["cells"]].sum())

        def net(i: int, coefficient: float) -> float:
            return _r2(tbmj[i] - _r2(round(tbmj[i] * coefficient, 2)))

        # 拆旧复垦: most isolated clusters back to the strip's class.
        reclaim = np.flatnonzero(proj & (kind == CLUSTER) & (rng.random(n) < 0.9))
        to_cult(reclaim, np.where(a["base"][reclaim] == "0101", "0101", "0103"), gddb[reclaim] + 1, 0.035)
        gain += sum(net(i, 0.035) for i in reclaim)
        # 农用地整理: K-plots, ponds, bare land and grass, in random order, until
        # 新增耕地 reaches its design rate (so the margin does not depend on luck).
        restored = {"0201K": "0102", "0301K": "0103", "1104K": "0101", "1104": "0101", "1206": "0103",
                    "0404": "0103"}
        pool = np.flatnonzero(proj & (kind == MIXED) & np.isin(code, list(restored)))
        # Second choice, only if the mixed blocks fall short: 退渔还田 of aquaculture ponds.
        restored["1104A"] = "0101"
        ponds = np.flatnonzero(proj & (kind == POND))
        farm = []
        for i in np.concatenate((rng.permutation(pool), rng.permutation(ponds))):
            if gain >= ADDED_RATE_TARGET * cult_before:
                break
            farm.append(int(i))
            gain += net(i, 0.04)
        farm_idx = np.array(sorted(farm), dtype=int)
        to_cult(farm_idx, [restored[c] for c in code[farm_idx]],
                vbase[farm_idx] + np.where(code[farm_idx] == "1206", 3, 2), 0.04)
        # 生态修复: the mine to forest.
        mine = np.flatnonzero(proj & (kind == MINE))
        gh["code"][mine] = "0301"
        gh["czcs"][mine] = ""
        # 建新: the idle grass beside cores, within 60 % of 拆旧复垦 (clusters and mine).
        budget = 0.6 * float(tbmj[reclaim].sum() + tbmj[mine].sum())
        new_build = []
        used = 0.0
        for i in np.flatnonzero(proj & (kind == RESERVE)):
            if used + tbmj[i] <= budget:
                new_build.append(i)
                used += tbmj[i]
        new_build = np.array(new_build, dtype=int)
        gh["code"][new_build] = "0702"
        gh["czcs"][new_build] = "203"

        # GH areas per DLTB cell (same geometry) for the quality balance.
        gh_kcmj = np.array([round(t * k, 2) for t, k in zip(tbmj.tolist(), gh["kcxs"].tolist())])
        gh_tbdlmj = np.round(tbmj - gh_kcmj, 2)
        gh_cult = np.isin(gh["code"], CULTIVATED)

        # 耕地提质改造: upgrade until the mean 等别 is just 0.05 worse than before.
        q_before = float((gddb * tbdlmj)[proj & is_cult].sum() / max(cult_before, 1e-9))

        def after_sums() -> tuple[float, float]:
            sel = proj & gh_cult & ~merged_cells
            area = float(gh_tbdlmj[sel].sum())
            weighted = float((gh["gddb"] * gh_tbdlmj)[sel].sum())
            for m in merged.values():
                m_kcmj = _r2(round(m["tbmj"] * 0.03, 2))
                m_area = _r2(m["tbmj"] - m_kcmj)
                area += m_area
                weighted += m["gddb"] * m_area
            return area, weighted

        area_after, weighted = after_sums()
        upgraded = []
        up_cand = np.flatnonzero(proj & (kind == FIELD) & gh_cult & ~new_cult & (gh["gddb"] > 3))
        for i in rng.permutation(up_cand):
            if weighted / area_after <= q_before + 0.05:
                break
            gh["gddb"][i] -= 1
            weighted -= gh_tbdlmj[i]
            upgraded.append(i)
        upgraded = np.array(sorted(upgraded), dtype=int)

        # 永久基本农田 after: 调出 small fragmented land, 调入 new and large 耕地.
        pbf_area_before = float(tbmj[proj & pbf0].sum())
        out_cand = [int(i) for b in kept_frag for i in np.flatnonzero((block_of == b) & pbf0 & (kind == FRAG))]
        small = np.flatnonzero(proj & pbf0 & (kind == FIELD) & gh_cult)
        out_cand += [int(i) for i in small[np.argsort(tbmj[small], kind="stable")]]
        pbf_out, out_area = [], 0.0
        for i in out_cand:
            if out_area >= 0.03 * pbf_area_before:
                break
            pbf_out.append(i)
            out_area += tbmj[i]
        target_in = 1.10 * out_area
        pbf_in, in_area = [], 0.0
        for i in rng.permutation(np.flatnonzero(proj & new_cult & ~pbf0)):
            if in_area >= 0.5 * target_in:
                break
            pbf_in.append(int(i))
            in_area += tbmj[i]
        # Then existing non-PBF strips: the largest that still fits, and finally
        # the smallest that closes the gap, so 新增比例 lands near its design value.
        rest = np.flatnonzero(proj & is_cult & ~pbf0 & (kind == FIELD) & gh_cult & ~merged_cells)
        rest = list(rest[np.argsort(-tbmj[rest], kind="stable")])
        while rest and in_area < target_in:
            gap = target_in - in_area
            fits = [k for k, i in enumerate(rest) if tbmj[i] <= gap]
            i = rest.pop(fits[0] if fits else len(rest) - 1)
            pbf_in.append(int(i))
            in_area += tbmj[i]
        pbf_out_set, pbf_in_set = set(pbf_out), set(pbf_in)
        pbf1 = pbf0.copy()
        pbf1[pbf_out] = False
        pbf1[pbf_in] = True
        redigitise = proj & pbf0 & pbf1 & (rng.random(n) < 0.08)

        # Designed conflicts (module docstring): the first 建新 house plot and the first restored pond are
        # partly in an extra red-line polygon; the first other restored plot outside the 永农 lies on a steep
        # slope (GDPDJB 5 in the plan).  Chosen without the random streams, so nothing else moves.
        house = int(new_build[0]) if len(new_build) else None
        wet = next((int(i) for i in farm_idx if code[i] in ("1104", "1104A")), None)
        steep = next((int(i) for i in farm_idx if int(i) != wet and not pbf0[i] and not pbf1[i]), None)
        if steep is not None:
            gh["gdpdjb"][steep] = "5"

        self._write_dltb(a, wkbs, tbmj, kcmj, tbdlmj, gh)
        self._write_gh(a, wkbs, tbmj, gh, merged, merged_cells)
        kinks = self._write_pbf(a, rings, wkbs, tbmj, kcxs, gddb, pbf0, pbf1, redigitise, gh, merged_cells)
        survey = self._write_survey(a, wkbs, tbmj, kcmj, tbdlmj, gh, merged, merged_cells, kinks, {
            2026: [reclaim], 2027: [farm_idx, upgraded, new_build], 2028: [mine]}, out_idx, proj, pbf0 & pbf1)

        # Designed indicator values of this township's project.
        con_before = float(tbmj[proj & np.isin(code, list(CONSTRUCTION))].sum())
        con_after = float(tbmj[proj & np.isin(gh["code"], list(CONSTRUCTION))].sum())
        cult_after, weighted_after = after_sums()
        cult_after_field = float(tbdlmj[proj & gh_cult].sum())
        in_mask = proj & np.isin(code, list(OTHER_AGRICULTURAL)) & gh_cult
        in_area_q = float(gh_tbdlmj[in_mask].sum())
        self.counters.projects.append({
            "township": t.name,
            "cult_before": cult_before,
            "cult_after": cult_after,
            "cult_after_field": cult_after_field,
            "added": cult_after - cult_before,
            "added_rate": 100.0 * (cult_after - cult_before) / cult_before,
            "added_rate_field": 100.0 * (cult_after_field - cult_before) / cult_before,
            "quality_before": q_before,
            "quality_after": weighted_after / cult_after,
            "out_area": float(tbdlmj[out_idx].sum()),
            "out_quality": float((gddb * tbdlmj)[out_idx].sum() / max(tbdlmj[out_idx].sum(), 1e-9)),
            "in_area": in_area_q,
            "in_quality": float((gh["gddb"] * gh_tbdlmj)[in_mask].sum() / max(in_area_q, 1e-9)),
            "construction_before": con_before,
            "construction_after": con_after,
            "reclaimed": float(tbmj[reclaim].sum() + tbmj[mine].sum()),
            "reclaimed_clusters": float(tbmj[reclaim].sum()),
            "new_build": float(tbmj[new_build].sum()),
            "pbf_before": pbf_area_before,
            "pbf_out": out_area,
            "pbf_in": in_area,
            "pbf_added_ratio": 100.0 * (in_area - out_area) / out_area if out_area else float("nan"),
            "pbf_out_count": len(pbf_out_set),
            "pbf_in_count": len(pbf_in_set),
            "redigitised": int(redigitise.sum()),
            "merged_blocks": len(merged_blocks),
            "upgraded": len(upgraded),
            "conflict_steep": (self.bsm[steep], float(tbmj[steep])) if steep is not None else None,
            "survey": survey,
            **potential,
        })
        self._write_subprojects(wkbs, reclaim, farm_idx, upgraded, merged, new_build, mine, kind, village,
                                proj)
        designed = [(key, i, kind) for key, i, kind in (("conflict_house", house, "饮用水水源保护区"),
                                                        ("conflict_wet", wet, "湿地")) if i is not None]
        parts = self._write_constraints([(i, kind) for _, i, kind in designed])
        for (key, i, _), part in zip(designed, parts):
            # The plugin's figure: the parcel's TBMJ × the share of its ellipsoidal area in the red line.
            self.counters.projects[-1][key] = (self.bsm[i], float(tbmj[i]) * part / float(self.areas.of([wkbs[i]])[0]))

    # -- writers -------------------------------------------------------------
    def _dltb_values(self, i: int, a: dict, tbmj: float, kcxs: float, kcmj: float, tbdlmj: float,
                     code: str, gddb: int, gdpdjb: str, zzsx: str, czcs: str, bsm: str) -> list:
        t = self.t
        v = int(a["village"][i])
        kind_i = int(a["kind"][i])
        qsxz, qsdwdm, qsdwmc = self._owner(kind_i, v, int(a["group"][i]))
        cult = code in CULTIVATED
        width = float(a["xzdwkd"][i])
        return [
            bsm, code, DLMC[code], tbmj, "1203" if cult else "", kcxs if cult else 0.0,
            kcmj if cult else 0.0, tbdlmj if cult else tbmj,
            f"{t.village_codes[v]}0000000", t.village_names[v], qsxz, qsdwdm, qsdwmc,
            "", gdpdjb if cult else "", int(gddb) if cult else None, czcs, zzsx if cult else "", "",
            None if math.isnan(width) else round(width, 2),
        ]

    def _write_dltb(self, a, wkbs, tbmj, kcmj, tbdlmj, gh) -> None:
        sink = self.sinks["DLTB"]
        self.bsm = []
        for i, wkb in enumerate(wkbs):
            bsm = self._bsm("211")
            self.bsm.append(bsm)
            code = a["code"][i]
            values = self._dltb_values(i, a, float(tbmj[i]), float(a["kcxs"][i]), float(kcmj[i]),
                                       float(tbdlmj[i]), code, int(a["gddb"][i]), a["gdpdjb"][i],
                                       a["zzsx"][i], a["czcs"][i], bsm)
            values.append(gh["code"][i])
            sink.add(wkb, values)
            self._tally("DLTB", code, values[7], values[6])

    def _tally(self, layer: str, code: str, tbdlmj: float, kcmj: float) -> None:
        groups = self.counters.by_group[layer]
        key = _first_level(code)
        groups[key] = groups.get(key, 0.0) + tbdlmj
        groups["1203"] = groups.get("1203", 0.0) + kcmj

    def _gh_values(self, i, a, tbmj, gh, code=None, gddb=None, kcxs=None, bsm=None) -> list:
        code = gh["code"][i] if code is None else code
        kcxs = float(gh["kcxs"][i]) if kcxs is None else kcxs
        cult = code in CULTIVATED
        kcmj = _r2(round(tbmj * kcxs, 2)) if cult else 0.0
        tbdlmj = _r2(tbmj - kcmj)
        return self._dltb_values(i, a, tbmj, kcxs, kcmj, tbdlmj, code,
                                 int(gh["gddb"][i]) if gddb is None else gddb, gh["gdpdjb"][i] or "1",
                                 gh["zzsx"][i] or "LS", gh["czcs"][i], bsm or self.bsm[i])

    def _write_gh(self, a, wkbs, tbmj, gh, merged, merged_cells) -> None:
        sink = self.sinks["DLTB_GH"]
        for i, wkb in enumerate(wkbs):
            if merged_cells[i]:
                m = merged.get(i)
                if m is None:
                    continue
                block = self.l.blocks[m["block"]]
                values = self._gh_values(i, a, m["tbmj"], gh, code=block["base"], gddb=m["gddb"],
                                         kcxs=0.03, bsm=self._bsm("212"))
                sink.add(m["wkb"], values)
            else:
                values = self._gh_values(i, a, float(tbmj[i]), gh)
                sink.add(wkb, values)
            self._tally("DLTB_GH", values[1], values[7], values[6])

    def _write_pbf(self, a, rings, wkbs, tbmj, kcxs, gddb, pbf0, pbf1, redigitise, gh, merged_cells) -> dict:
        """YJJBNTTB and YJJBNTTB_GH; returns the re-digitised parcels: cell → (wkb, area)."""
        t, rng = self.t, self.rng
        before, after = self.sinks["YJJBNTTB"], self.sinks["YJJBNTTB_GH"]
        pbf_bsm: dict[int, str] = {}

        def values(i, code, quality, gdpdjb, area, coefficient, bsm):
            v = int(a["village"][i])
            net = _r2(area - round(float(area) * float(coefficient), 2))
            cult = code in CULTIVATED
            return [bsm, code, DLMC[code], net, int(quality) if cult else None, gdpdjb if cult else "",
                    f"{t.village_codes[v]}0000000", t.village_names[v]]

        for i in np.flatnonzero(pbf0):
            pbf_bsm[i] = self._bsm("310")
            before.add(wkbs[i], values(i, a["code"][i], gddb[i], a["gdpdjb"][i], tbmj[i], kcxs[i],
                                       pbf_bsm[i]))
        redo = np.flatnonzero(redigitise)
        kinks = {}
        if redo.size:
            new_wkbs = []
            for i in redo:
                first = bool(a["first"][i])
                delta = float(rng.uniform(0.02, 0.05)) * (-1.0 if first and rng.random() < 0.5 else 1.0)
                new_wkbs.append(ring_wkb(kinked(rings[i], round(delta, 4), float(rng.uniform(3.0, 12.0)))))
            for i, w, area in zip(redo, new_wkbs, self.areas.of(new_wkbs)):
                kinks[int(i)] = (w, _r2(area))
        for i in np.flatnonzero(pbf1):
            code = gh["code"][i]
            wkb, area = kinks.get(int(i), (wkbs[i], tbmj[i]))
            if merged_cells[i]:
                coefficient = 0.03
            else:
                coefficient = float(gh["kcxs"][i])
            bsm = pbf_bsm.get(i) or self._bsm("311")
            after.add(wkb, values(i, code, gh["gddb"][i], gh["gdpdjb"][i] or "1", area, coefficient, bsm))
        return kinks

    def _write_survey(self, a, wkbs, tbmj, kcmj, tbdlmj, gh, merged, merged_cells, kinks, by_year, out_idx, proj,
                      pbf) -> dict:
        """DLTB_2027, the 年度变更调查 one year on (module docstring): what was built by the end of 2027.

        Sub-projects of 2026 (and the merged blocks, 高标准农田 of 2026) are done, those of 2027 every other
        parcel, those of 2028 not at all; the 耕地出 strips (no sub-project) are done.  Changed parcels get new
        BSMs (tag 213); the re-digitised parcels of the 永农 layer keep their kinked outline.  One 永农 strip
        the plan leaves alone has a house (0702) on its west third: the unplanned change.  No random draws.
        """
        lay = self.l
        sink = self.sinks["DLTB_2027"]
        done = set(int(i) for i in by_year[2026][0]) | set(int(i) for i in out_idx)
        village = a["village"]
        for group in by_year[2027]:  # every other parcel of each sub-project (village), from its first
            group = np.asarray(group, dtype=int)
            for v in np.unique(village[group]):
                done |= set(int(i) for i in sorted(group[village[group] == v])[::2])
        changed_code = np.array([gh["code"][i] != a["code"][i] for i in range(len(wkbs))])
        planned = np.flatnonzero(proj & changed_code & ~merged_cells)
        plan_m2 = float(tbmj[planned].sum()) + float(tbmj[proj & merged_cells & changed_code].sum())
        realised_m2 = float(tbmj[[i for i in planned if int(i) in done]].sum()) \
            + float(tbmj[proj & merged_cells & changed_code].sum())
        # The unplanned house: the first 永农 field strip the plan leaves as it is.
        house = next((int(i) for i in np.flatnonzero(proj & pbf & (a["kind"] == FIELD) & ~changed_code)
                      if int(i) not in kinks and gh["gddb"][i] == a["gddb"][i]), None)
        unplanned = 0.0
        for i, wkb in enumerate(wkbs):
            if merged_cells[i]:
                m = merged.get(i)
                if m is not None:
                    block = lay.blocks[m["block"]]
                    sink.add(m["wkb"], self._gh_values(i, a, m["tbmj"], gh, code=block["base"], gddb=m["gddb"],
                                                       kcxs=0.03, bsm=self._bsm("213")))
                continue
            if i == house:
                x0, x1 = float(a["x0"][i]), float(a["x1"][i])
                xm = round(x0 + (x1 - x0) / 3.0, 2)
                band, flo, fhi = int(a["band"][i]), float(a["flo"][i]), float(a["fhi"][i])
                parts = [ring_wkb(lay.part_ring(band, x0, xm, flo, fhi)), ring_wkb(lay.part_ring(band, xm, x1, flo, fhi))]
                part_areas = [_r2(v) for v in self.areas.of(parts)]
                sink.add(parts[0], self._dltb_values(i, a, part_areas[0], 0.0, 0.0, part_areas[0], "0702", 0, "",
                                                     "", "203", self._bsm("213")))
                k = float(a["kcxs"][i])
                part_kcmj = round(part_areas[1] * k, 2)
                sink.add(parts[1], self._dltb_values(i, a, part_areas[1], k, part_kcmj, _r2(part_areas[1] - part_kcmj),
                                                     a["code"][i], int(a["gddb"][i]), a["gdpdjb"][i], a["zzsx"][i],
                                                     a["czcs"][i], self._bsm("213")))
                # The plugin's figure: the strip's TBMJ × the house's share of its ellipsoidal area.
                unplanned = float(tbmj[i]) * part_areas[0] / float(sum(part_areas))
                continue
            if i in done:
                sink.add(wkb, self._gh_values(i, a, float(tbmj[i]), gh, bsm=self._bsm("213")))
                continue
            # Re-digitised as in the 永农 layer, but only the inward kinks (a block's first strip may kink
            # outward over the ditch, which would make the survey overlap itself).
            redrawn = i in kinks and not a["first"][i]
            wkb_i, area_i = kinks[i] if redrawn else (wkb, float(tbmj[i]))
            k = float(a["kcxs"][i])
            kc = round(area_i * k, 2) if redrawn else float(kcmj[i])
            net = _r2(area_i - kc) if redrawn else float(tbdlmj[i])
            sink.add(wkb_i, self._dltb_values(i, a, area_i, k, kc, net, a["code"][i], int(a["gddb"][i]),
                                              a["gdpdjb"][i], a["zzsx"][i], a["czcs"][i], self.bsm[i]))
        return {"planned_m2": plan_m2, "realised_m2": realised_m2, "unplanned_m2": unplanned,
                "house": self.bsm[house] if house is not None else None}

    def _write_subprojects(self, wkbs, reclaim, farm_idx, upgraded, merged, new_build, mine, kind,
                           village, proj) -> None:
        t = self.t
        sink = self.sinks["ZXM"]
        town = t.name
        items: list[tuple[str, str, list[bytes], float, str, int, str]] = []
        for v in t.project_villages:
            vname = t.village_names[v]
            in_v = village == v
            for xmlx, name, idx, rate, source, year, unit in (
                ("建设用地复垦", f"{vname}农村建设用地拆旧复垦项目", reclaim, 3.0, "城乡建设用地增减挂钩节余指标收益",
                 2026, f"{town}人民政府"),
                ("农用地整理", f"{vname}农用地整理项目", farm_idx, 0.8, "省级财政补助资金", 2027,
                 f"{COUNTY_NAME}自然资源和规划局"),
                ("耕地提质改造", f"{vname}耕地提质改造项目", upgraded, 0.15, "耕地占补平衡指标收益", 2027,
                 f"{COUNTY_NAME}农业农村局"),
            ):
                members = [wkbs[i] for i in idx if in_v[i]]
                if members:
                    items.append((xmlx, name, members, rate, source, year, unit))
            blocks = [m["wkb"] for m in merged.values() if self.l.blocks[m["block"]]["village"] == v]
            if blocks:
                items.append(("高标准农田建设", f"{vname}高标准农田建设项目", blocks, 0.3, "高标准农田建设专项资金",
                              2026, f"{COUNTY_NAME}农业农村局"))
        if len(new_build):
            items.append(("建新安置", f"{town}农民集中居住区建新项目", [wkbs[i] for i in new_build], 8.0,
                          "社会资本", 2027, f"{town}人民政府"))
        if len(mine):
            items.append(("生态修复", f"{town}废弃矿山生态修复项目", [wkbs[i] for i in mine], 2.0,
                          "区级财政资金", 2028, f"{COUNTY_NAME}自然资源和规划局"))
        river = np.flatnonzero(proj & (kind == RIVER))
        if river.size:
            items.append(("公共空间治理", f"{t.river.name}（{town}段）河道综合整治项目", [wkbs[i] for i in river],
                          1.0, "区级财政资金", 2028, f"{COUNTY_NAME}水利局"))
        unions = [self.areas.union(members) for _, _, members, *_ in items]
        # 增减挂钩 项目区 (XMQBH): the 拆旧 of every village and the 建新 share one; the mine reclaimed to
        # forest is a 项目区 of its own (拆旧 without 建新, all 节余).
        area_ids = {"建设用地复垦": f"{t.code}-GG1", "建新安置": f"{t.code}-GG1", "生态修复": f"{t.code}-GG2"}
        for k, ((xmlx, name, _, rate, source, year, unit), wkb, area) in enumerate(
                zip(items, unions, self.areas.of(unions)), start=1):
            money = _r2(area / 10000.0 * 15.0 * rate)
            if xmlx == "建新安置":
                # Two sources with their amounts (万元), as a scheme lists them: 来源:金额;…
                private = _r2(RESETTLEMENT_PRIVATE_SHARE * money)
                source = f"社会资本:{private:.2f};城乡建设用地增减挂钩节余指标收益:{_r2(money - private):.2f}"
            sink.add(wkb, [f"{t.code}-{k:03d}", xmlx, name, money, source, year, unit, _r2(area),
                           area_ids.get(xmlx, "")])

    def _write_constraints(self, designed: list[tuple[int, str]]) -> list[float]:
        """XMQ, XMQ_CUT, CZKFBJ and STBHHX; ``designed``: (cell, kind) of the red-line polygons over parts of
        planned parcels (the west :data:`RED_LINE_SHARE` of the cell's width).  Returns their ellipsoidal areas."""
        t, lay = self.t, self.l
        # 项目区: the 4 western villages, exactly along village boundaries.
        x_end = lay.vx[len(PROJECT_COLS)]
        xmq = ring_wkb(rect_ring(t.x0, lay.ry[0], x_end, lay.ry[-1]))
        # A rotated rectangle cutting through parcels, for tests.
        cx, cy = t.x0 + 0.43 * VILLAGE_COLS * t.wv, t.y0 + 0.52 * VILLAGE_ROWS * t.hv
        hx, hy = 0.27 * VILLAGE_COLS * t.wv, 0.24 * VILLAGE_ROWS * t.hv
        ang = math.radians(3.0)
        corners = [(-hx, -hy), (hx, -hy), (hx, hy), (-hx, hy), (-hx, -hy)]
        cut = np.array([[round(cx + x * math.cos(ang) - y * math.sin(ang), 4),
                         round(cy + x * math.sin(ang) + y * math.cos(ang), 4)] for x, y in corners])
        cut_wkb = ring_wkb(cut)
        red = [ring_wkb(lay.boundary_ring(lay.bands[lay.belt_bands[0]].bottom,
                                          lay.bands[lay.belt_bands[1]].top))]
        red_names = [(f"{t.river.name}（{t.name}段）生态保护红线", "河湖湿地")]
        forest_blocks = [b for b in lay.blocks if b["kind"] == "forest"]
        for b in forest_blocks:
            red.append(ring_wkb(lay.ring(b["band"], b["x0"], b["x1"], 0.0, 1.0)))
            red_names.append((f"{t.village_names[b['village']]}生态公益林生态保护红线", "生态公益林"))
        a = lay.arr
        for i, kind in designed:
            x0, x1 = float(a["x0"][i]), float(a["x1"][i])
            xm = round(x0 + RED_LINE_SHARE * (x1 - x0), 2)
            red.append(ring_wkb(lay.part_ring(int(a["band"][i]), x0, xm, float(a["flo"][i]), float(a["fhi"][i]))))
            red_names.append((f"{t.village_names[int(a['village'][i])]}{kind}生态保护红线", kind))
        x0, y0, x1, y1 = lay.seat_box
        margin = 40.0
        seat = ring_wkb(rect_ring(round(x0 - margin, 2), round(y0 - margin, 2), round(x1 + margin, 2),
                                  round(y1 + margin, 2)))
        area = self.areas.of([xmq, cut_wkb, seat] + red)
        self.sinks["XMQ"].add(xmq, [f"{t.name}全域土地综合整治项目", t.code, t.name, _r2(area[0])])
        self.sinks["XMQ_CUT"].add(cut_wkb, [f"{t.name}测试矩形项目区（切割图斑）", t.code, t.name, _r2(area[1])])
        self.sinks["CZKFBJ"].add(seat, [self._bsm("410"), f"{t.name}城镇开发边界", _r2(area[2])])
        for wkb, (name, kind), a in zip(red, red_names, area[3:]):
            self.sinks["STBHHX"].add(wkb, [self._bsm("420"), name, kind, _r2(a)])
        return [float(v) for v in area[len(area) - len(designed):]] if designed else []


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------


def _names(rng: np.random.Generator, count: int, first: str, second: str, suffix: str) -> list[str]:
    pool = rng.permutation(len(first) * len(second))[:count]
    return [f"{first[p // len(second)]}{second[p % len(second)]}{suffix}" for p in pool]


def _river_row(seed: int, row: int) -> RiverRow:
    rng = np.random.default_rng([seed, 7, row])
    return RiverRow(
        name=RIVERS[int(rng.integers(len(RIVERS)))],
        center=float(rng.uniform(0.4, 0.5)),
        width=float(rng.choice([38.0, 40.0, 42.0, 44.0])),
        belt_lo=float(rng.choice([12.0, 15.0, 18.0, 20.0])),
        belt_hi=float(rng.choice([12.0, 15.0, 18.0, 20.0])),
        amplitude=float(rng.uniform(12.0, 25.0)),
        wavelength=float(rng.uniform(700.0, 1200.0)),
        phase=float(rng.uniform(0.0, 2.0 * math.pi)),
    )


def _township(seed: int, index: int, grid_cols: int, wv: float, hv: float, town_names: list[str]) -> Township:
    rng = np.random.default_rng([seed, 1, index])
    gx, gy = index % grid_cols, index // grid_cols
    code = f"{COUNTY_CODE}{101 + index:03d}"
    n = VILLAGE_COLS * VILLAGE_ROWS
    return Township(
        index=index, code=code, name=town_names[index],
        village_codes=[f"{code}{201 + v:03d}" for v in range(n)],
        village_names=_names(rng, n, VILLAGE_A, VILLAGE_B, "村"),
        x0=round(X_BASE + gx * VILLAGE_COLS * wv, 2), y0=round(Y_BASE + gy * VILLAGE_ROWS * hv, 2),
        wv=wv, hv=hv, river=_river_row(seed, gy),
    )


def _layout(town: Township, seed: int) -> Layout:
    layout = Layout(town, np.random.default_rng([seed, 2, town.index]))
    layout.build()
    layout.finish()
    return layout


def _calibrate(seed: int, per_township: int, town_names: list[str]) -> tuple[float, float]:
    """Village size (m) so that one township has about ``per_township`` parcels.

    The count grows with the size, but in steps and noisily (the numbers of
    field rows and blocks are discrete, block types are random), so the size
    is bracketed – secant steps until one size gives too few parcels and one
    too many, then interpolation between the closest such pair – and the
    size with the closest count is kept.
    """
    size = 1200.0
    best = (math.inf, size)
    below: tuple[float, int] | None = None  # (size, count) with too few parcels, the largest size
    above: tuple[float, int] | None = None  # too many, the smallest size
    for _ in range(16):
        count = len(_layout(_township(seed, 0, 1, size, size, town_names), seed).arr["band"])
        miss = abs(count - per_township) / per_township
        best = min(best, (miss, size))
        if miss < 0.02:
            break
        if count < per_township:
            below = max(below or (size, count), (size, count))
        else:
            above = min(above or (size, count), (size, count))
        if below and above:
            (a, ca), (b, cb) = sorted((below, above))
            if b - a < 0.5:
                break
            # Parcels grow with the area: interpolate on size², kept off the ends.
            f = min(max((per_township - ca) / (cb - ca) if cb != ca else 0.5, 0.15), 0.85)
            size = round(math.sqrt(a * a + f * (b * b - a * a)), 2)
        else:
            nxt = round(max(450.0, size * math.sqrt(per_township / count)), 2)
            if nxt == size:
                break
            size = nxt
    return best[1], best[1]


def generate(output: str | os.PathLike, parcels: int = 3000, seed: int = 20261128,
             log: Callable[[str], None] | None = print) -> dict:
    """Generate the sample GeoPackage.

    Args:
        output: Path of the GeoPackage to write (replaced if it exists; written
            to a temporary file first, so a failed run leaves nothing behind).
        parcels: Approximate number of DLTB parcels.
        seed: Seed of every random stream; the same seed gives the same data.
        log: Called with progress and summary lines (None: silent).

    Returns:
        Summary: ``layers`` (feature count per layer), ``areas`` (m² by
        first-level class for DLTB and DLTB_GH, TBDLMJ basis, 田坎 as 1203),
        ``projects`` (designed indicator values per township), ``townships``,
        ``village_size`` (m), ``seconds``.
    """
    boot = _bootstrap()
    boot.start_qgis()
    from land_consolidation.core import ellipsoid
    from osgeo import gdal, ogr, osr
    from qgis.core import QgsCoordinateReferenceSystem

    ogr.UseExceptions()
    gdal.SetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF")
    started = time.perf_counter()
    say = log or (lambda _message: None)

    n_villages_one = VILLAGE_COLS * VILLAGE_ROWS
    if parcels <= ONE_TOWNSHIP_MAX:
        n_towns = 1
    else:
        n_towns = max(1, math.ceil(parcels / PARCELS_PER_VILLAGE_COUNTY / n_villages_one))
    grid_cols = math.ceil(math.sqrt(n_towns * 1.5))
    name_rng = np.random.default_rng([seed, 0])
    town_names = _names(name_rng, n_towns, TOWN_A, TOWN_B, "镇")
    wv, hv = _calibrate(seed, max(200, parcels // n_towns), town_names)
    say(f"{n_towns} township(s) of {n_villages_one} villages, village {wv:.0f} m × {hv:.0f} m")

    gk = ellipsoid.gauss_kruger_for_crs(QgsCoordinateReferenceSystem(f"EPSG:{EPSG}"), sample_easting=X_BASE)
    areas = Areas(ellipsoid, gk)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed at the end: a failed run leaves no half-written file.
    tmp = output.with_name(f".{output.stem}.part.gpkg")
    if tmp.exists():
        tmp.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp))
    try:
        sinks = {
            "DLTB": Sink(ds, "DLTB", DLTB_FIELDS + [GH_FIELD], srs),
            "DLTB_GH": Sink(ds, "DLTB_GH", DLTB_FIELDS, srs),
            "DLTB_2027": Sink(ds, "DLTB_2027", DLTB_FIELDS, srs),
            "YJJBNTTB": Sink(ds, "YJJBNTTB", PBF_FIELDS, srs),
            "YJJBNTTB_GH": Sink(ds, "YJJBNTTB_GH", PBF_FIELDS, srs),
            "XMQ": Sink(ds, "XMQ", XMQ_FIELDS, srs),
            "XMQ_CUT": Sink(ds, "XMQ_CUT", XMQ_FIELDS, srs),
            "ZXM": Sink(ds, "ZXM", ZXM_FIELDS, srs),
            "STBHHX": Sink(ds, "STBHHX", STBHHX_FIELDS, srs),
            "CZKFBJ": Sink(ds, "CZKFBJ", CZKFBJ_FIELDS, srs),
        }
        counters = Counters()
        seq: dict[str, int] = {}
        for index in range(n_towns):
            town = _township(seed, index, grid_cols, wv, hv, town_names)
            layout = _layout(town, seed)
            ds.StartTransaction()
            TownshipWriter(town, layout, areas, sinks, seq, counters).run()
            ds.CommitTransaction()
            if n_towns > 1 and (index + 1) % 5 == 0:
                say(f"  {index + 1}/{n_towns} townships, {sinks['DLTB'].count} parcels, "
                    f"{time.perf_counter() - started:.0f} s")
        counters.layers = {name: sink.count for name, sink in sinks.items()}
        sinks.clear()
        ds = None  # closes the file (and builds the spatial indexes)
    except BaseException as exc:
        # The traceback's frames hold layers, and layers hold the dataset open.
        traceback.clear_frames(exc.__traceback__)
        sinks = None
        ds = None
        tmp.unlink(missing_ok=True)
        raise
    os.replace(tmp, output)
    summary = {
        "layers": counters.layers,
        "areas": counters.by_group,
        "projects": counters.projects,
        "townships": n_towns,
        "village_size": (wv, hv),
        "seconds": time.perf_counter() - started,
    }
    if log is not None:
        _print_summary(summary, log)
    return summary


def _print_summary(summary: dict, say: Callable[[str], None]) -> None:
    boot = _bootstrap()
    boot.load_plugin_package()
    from land_consolidation.core.codes import default_table

    groups = default_table().groups
    say("Features per layer: " + ", ".join(f"{k} {v}" for k, v in summary["layers"].items()))
    say("Area by first-level class (公顷, TBDLMJ basis; 1203 = 田坎 from KCMJ):")
    before, after = summary["areas"]["DLTB"], summary["areas"]["DLTB_GH"]
    for key in sorted(set(before) | set(after), key=lambda k: (k == "1203", k)):
        name = "田坎" if key == "1203" else groups.get(key, "?")
        b, a = before.get(key, 0.0) / 1e4, after.get(key, 0.0) / 1e4
        say(f"  {key} {name:<12} {b:12.4f} → {a:12.4f}  ({a - b:+.4f})")
    say(f"  total           {sum(before.values()) / 1e4:12.4f} → {sum(after.values()) / 1e4:12.4f}")
    p = summary["projects"][0]
    ha = 1e4
    say(f"Designed indicators, project area of {p['township']} (DLTB → DLTB_GH; 公顷):")
    say(f"  耕地 {p['cult_before'] / ha:.4f} → {p['cult_after'] / ha:.4f}; 新增耕地 {p['added'] / ha:.4f} = "
        f"{p['added_rate']:.2f} % of original 耕地 (≥ 5 %) [with GHDLBM only: {p['added_rate_field']:.2f} %]")
    say(f"  耕地进出: 出 {p['out_area'] / ha:.4f} (等别 {p['out_quality']:.2f}), "
        f"进 {p['in_area'] / ha:.4f} (等别 {p['in_quality']:.2f})")
    say(f"  耕地质量 mean 等别 {p['quality_before']:.3f} → {p['quality_after']:.3f} "
        f"({'FAILS: worse' if p['quality_after'] > p['quality_before'] else 'not worse'}; the intended failure)")
    say(f"  建设用地 {p['construction_before'] / ha:.4f} → {p['construction_after'] / ha:.4f}; "
        f"拆旧复垦 {p['reclaimed'] / ha:.4f} (clusters {p['reclaimed_clusters'] / ha:.4f}), "
        f"建新 {p['new_build'] / ha:.4f}")
    say(f"  永久基本农田 {p['pbf_before'] / ha:.4f}: 调出 {p['pbf_out'] / ha:.4f} ({p['pbf_out_count']}), "
        f"调入 {p['pbf_in'] / ha:.4f} ({p['pbf_in_count']}), 新增比例 {p['pbf_added_ratio']:.2f} % (≥ 5 %); "
        f"{p['redigitised']} re-digitised")
    say(f"  merged fragmented blocks {p['merged_blocks']}, upgraded strips {p['upgraded']}; "
        f"years {YEARS[0]}–{YEARS[-1]}")
    survey = p.get("survey")
    if survey:
        say(f"  DLTB_2027: planned change {survey['planned_m2'] / ha:.4f}, realised {survey['realised_m2'] / ha:.4f} "
            f"({100.0 * survey['realised_m2'] / max(survey['planned_m2'], 1e-9):.2f} %); unplanned house on 永农 "
            f"{survey['unplanned_m2']:.2f} m² (strip BSM {survey['house']})")
    for key, what in (("conflict_house", "planned house plot (建新 0702) in the red line"),
                      ("conflict_wet", "new 耕地 (restored pond) in the red line"),
                      ("conflict_steep", "new 耕地 on a slope > 25° (GDPDJB 5 in DLTB_GH)")):
        if p.get(key):
            bsm, area = p[key]
            say(f"  designed conflict: {what}: BSM {bsm}, {area:.2f} m²")
    say("  潜力调查 (core.potential, default rules; estimate as % of the village's 耕地): project villages "
        + ", ".join(f"{r:.2f}" for r in p["potential_west"]) + " (at least), others "
        + ", ".join(f"{r:.2f}" for r in p["potential_east"]) + " (at most)")
    projects = summary["projects"]
    if len(projects) > 1:
        say(f"  all {len(projects)} townships: project villages ≥ "
            f"{min(min(q['potential_west']) for q in projects):.2f} %, others ≤ "
            f"{max(max(q['potential_east']) for q in projects):.2f} %")
    say(f"  eastern candidates settled to keep the ranking: {sum(q['potential_settled'] for q in projects)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    say(f"Done in {summary['seconds']:.1f} s, peak memory {peak:.0f} MB")


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="Generate the sample township GeoPackage.")
    parser.add_argument("--output", default="sample/sample.gpkg", help="GeoPackage to write")
    parser.add_argument("--parcels", type=int, default=3000, help="approximate number of DLTB parcels")
    parser.add_argument("--seed", type=int, default=20261128, help="random seed")
    args = parser.parse_args(argv)
    if args.parcels < MIN_PARCELS:
        parser.error(f"--parcels must be at least {MIN_PARCELS}")
    generate(args.output, args.parcels, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
