"""A small numpy geometry kernel for whole layers of survey polygons.

QGIS's geometry API works one geometry at a time, through GEOS: on a
county's 244 000 parcels a single call per parcel (a validity check)
already takes 0.55 s, and the dissolve of its 耕地 and connectors 47 s
(``benchmarks/bench_contiguity.py``).  The kernel instead
holds all polygons of a layer as flat arrays and answers the questions
the indicators ask with a few array passes:

* :mod:`.rings` – rings read from WKB into arrays (:class:`Rings`), their
  boundary segments (:class:`Segments`), planar areas and perimeters, the
  width of linear features (:func:`connector_widths`) and a cheap validity
  screen (:func:`convex_polygons`);
* :mod:`.grid` – the uniform-grid vertex–segment search
  (:class:`SegmentGrid`, :func:`near_segments`), point-in-coverage tests
  (:func:`points_inside`) and polygons within a distance of each other
  (:func:`proximity_labels`);
* :mod:`.arrays` – the vectorised union-find (:func:`connected_labels`)
  and grouped reductions;
* :mod:`.outlines` – dissolving touching polygons of a coverage without
  GEOS (:func:`dissolve_outlines`, :func:`multipolygon_wkb`).

Pure numpy: nothing here imports QGIS (a curved geometry in WKB is
segmentized through QGIS by :func:`..ellipsoid.parse_wkb`, when met).
"""
from .arrays import WORKERS, connected_labels
from .grid import Near, SegmentGrid, box_pairs, box_pairs_between, near_segments, nearest_points, points_inside, proximity_labels
from .outlines import Contacts, dissolve_outlines, multipolygon_wkb
from .rings import Rings, Segments, connector_widths, convex_polygons

__all__ = [
    "WORKERS",
    "Contacts",
    "Near",
    "Rings",
    "SegmentGrid",
    "Segments",
    "box_pairs",
    "box_pairs_between",
    "connected_labels",
    "connector_widths",
    "convex_polygons",
    "dissolve_outlines",
    "multipolygon_wkb",
    "near_segments",
    "nearest_points",
    "points_inside",
    "proximity_labels",
]
