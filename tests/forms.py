"""The same township in the forms real 三调 deliveries take (for tests/test_real_forms.py).

Starting from the generated sample GeoPackage (the baseline), each form
writes every layer again the way users receive it:

* ``gbk_shp`` – one shapefile per layer, text in GBK with a ``.cpg`` saying so;
* ``gbk_shp_nocpg`` – the same without ``.cpg`` and with the DBF code page
  byte (LDID) 0, as many older tools write;
* ``filegdb`` – an Esri file geodatabase (GDAL's OpenFileGDB writer);
* ``multipart`` – the GeoPackage with pairs of distant 耕地 parcels of one
  village and code merged into multipart features (areas summed), and the
  planned layer's likewise;
* ``epsg4549`` – every layer reprojected to EPSG:4549 (same meridian, no zone
  prefix: x − 40 000 000), which leaves coordinate noise of ~1e-9 m;
* ``memory_selection`` – memory layers, the DLTB with every feature selected
  and run as "selected features only".

:func:`build` returns ``{layer name: uri-or-layer}`` of a form.
"""
from __future__ import annotations

import struct
from pathlib import Path

from osgeo import gdal, ogr

LAYERS = ("DLTB", "DLTB_GH", "YJJBNTTB", "YJJBNTTB_GH", "XMQ", "ZXM", "STBHHX", "CZKFBJ")
FORMS = ("gbk_shp", "gbk_shp_nocpg", "filegdb", "multipart", "epsg4549", "memory_selection")

gdal.UseExceptions()


def _translate(src: Path, dest: str, layer: str, fmt: str, **kw) -> None:
    options = gdal.VectorTranslateOptions(format=fmt, layers=[layer], layerName=layer, **kw)
    gdal.VectorTranslate(dest, str(src), options=options)


def gbk_shapefiles(src: Path, folder: Path, cpg: bool = True) -> dict:
    """One GBK shapefile per layer; without ``cpg`` the .cpg is removed and the DBF LDID set to 0.

    QGIS sets GDAL's SHAPE_ENCODING to "" once it has read a shapefile, which
    also stops GDAL's writer from recoding: the option is cleared while
    writing, so the DBF really holds GBK bytes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    saved = gdal.GetConfigOption("SHAPE_ENCODING")
    gdal.SetConfigOption("SHAPE_ENCODING", None)
    try:
        for layer in LAYERS:
            _translate(src, str(folder / f"{layer}.shp"), layer, "ESRI Shapefile",
                       layerCreationOptions=["ENCODING=GBK"])
    finally:
        gdal.SetConfigOption("SHAPE_ENCODING", saved)
    for layer in LAYERS:
        path = folder / f"{layer}.shp"
        if layer == "DLTB":  # the village names really are GBK bytes
            assert "黄巷村".encode("gbk") in (folder / f"{layer}.dbf").read_bytes()
        if not cpg:
            (folder / f"{layer}.cpg").unlink(missing_ok=True)
            with open(folder / f"{layer}.dbf", "r+b") as dbf:
                dbf.seek(29)  # language driver id: 0 = none declared
                dbf.write(struct.pack("B", 0))
        out[layer] = str(path)
    return out


def file_gdb(src: Path, path: Path) -> dict:
    """Every layer in one file geodatabase."""
    out = {}
    for layer in LAYERS:
        _translate(src, str(path), layer, "OpenFileGDB", accessMode="update" if path.exists() else None)
        out[layer] = f"{path}|layername={layer}"
    return out


def reprojected(src: Path, path: Path, epsg: int = 4549) -> dict:
    """Every layer reprojected (by PROJ, as users do) into one GeoPackage."""
    out = {}
    for layer in LAYERS:
        _translate(src, str(path), layer, "GPKG", dstSRS=f"EPSG:{epsg}",
                   accessMode="update" if path.exists() else None)
        out[layer] = f"{path}|layername={layer}"
    return out


def multipart(src: Path, path: Path, pairs: int = 12) -> dict:
    """The baseline with ``pairs`` pairs of distant 耕地 parcels merged into multipart features.

    Both DLTB and DLTB_GH: in each, two parcels of the same village, code,
    KCXS, GDDB and GDPDJB whose centres are more than 300 m apart become one feature (the first's
    attributes, TBMJ/KCMJ/TBDLMJ summed), so every area total is unchanged.
    Returns the uris and, under ``"_merged"``, the BSMs merged per layer.
    """
    gdal.VectorTranslate(str(path), str(src), options=gdal.VectorTranslateOptions(format="GPKG"))
    ds = ogr.Open(str(path), update=1)
    merged = {}
    for name in ("DLTB", "DLTB_GH"):
        layer = ds.GetLayerByName(name)
        by_key: dict = {}
        for feature in layer:
            if feature.GetField("DLBM") not in ("0101", "0102", "0103"):
                continue
            # Same village, code, 田坎 coefficient and 等别: merged, the parts' shares of the summed areas
            # are the parcels' own areas (within rounding).
            key = tuple(feature.GetField(f) for f in ("ZLDWDM", "DLBM", "KCXS", "GDDB", "GDPDJB"))
            by_key.setdefault(key, []).append((feature.GetFID(), feature.GetGeometryRef().Centroid().GetPoint_2D()))
        done, used = [], set()
        for members in by_key.values():
            for fid_a, (xa, ya) in members:
                if len(done) >= pairs or fid_a in used:
                    continue
                for fid_b, (xb, yb) in members:
                    if fid_b in used or fid_b == fid_a or ((xa - xb) ** 2 + (ya - yb) ** 2) ** 0.5 < 300:
                        continue
                    done.append((fid_a, fid_b))
                    used.update((fid_a, fid_b))
                    break
        merged[name] = []
        for fid_a, fid_b in done:
            a, b = layer.GetFeature(fid_a), layer.GetFeature(fid_b)
            geom = ogr.Geometry(ogr.wkbMultiPolygon)
            for feature in (a, b):
                g = feature.GetGeometryRef()
                for k in range(g.GetGeometryCount()) if g.GetGeometryType() in (ogr.wkbMultiPolygon,) else [None]:
                    geom.AddGeometry(g.GetGeometryRef(k).Clone() if k is not None else g.Clone())
            a.SetGeometry(geom)
            for field in ("TBMJ", "KCMJ", "TBDLMJ"):
                a.SetField(field, round(a.GetField(field) + b.GetField(field), 2))
            layer.SetFeature(a)
            layer.DeleteFeature(fid_b)
            merged[name].append(a.GetField("BSM"))
    ds = None
    out = {layer: f"{path}|layername={layer}" for layer in LAYERS}
    out["_merged"] = merged
    return out


def memory_selection(src: Path) -> dict:
    """Memory copies of every layer; the DLTB fully selected (runs as selected features only)."""
    from qgis.core import QgsFeatureRequest, QgsProcessingFeatureSourceDefinition, QgsProject, QgsVectorLayer

    out = {}
    for name in LAYERS:
        layer = QgsVectorLayer(f"{src}|layername={name}", name, "ogr")
        memory = layer.materialize(QgsFeatureRequest())
        memory.setName(name)
        QgsProject.instance().addMapLayer(memory, False)
        out[name] = memory
    out["DLTB"].selectAll()
    out["_DLTB_selected"] = QgsProcessingFeatureSourceDefinition(out["DLTB"].id(), True)
    return out


def build(form: str, src: Path, folder: Path) -> dict:
    """The layers of one form of the township at ``src``."""
    folder.mkdir(parents=True, exist_ok=True)
    if form == "gbk_shp":
        return gbk_shapefiles(src, folder / "gbk")
    if form == "gbk_shp_nocpg":
        return gbk_shapefiles(src, folder / "gbk_nocpg", cpg=False)
    if form == "filegdb":
        return file_gdb(src, folder / "township.gdb")
    if form == "multipart":
        return multipart(src, folder / "multipart.gpkg")
    if form == "epsg4549":
        return reprojected(src, folder / "epsg4549.gpkg")
    if form == "memory_selection":
        return memory_selection(src)
    raise ValueError(form)
