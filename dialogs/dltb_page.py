"""Wizard page 1: the DLTB layer and its field mapping."""
from __future__ import annotations

from qgis.core import QgsMapLayerProxyModel, QgsVectorLayer
from qgis.gui import QgsFieldComboBox
from qgis.PyQt.QtWidgets import QTableWidgetItem, QWizardPage

from ..core import dltb
from ..core.errors import LandConsolidationError
from ..core.fields import detect_fields
from ..i18n import tr
from .ui import load_form

FORM = load_form("dltb_page")

#: Roles shown in the mapping table, in order, with their labels.
ROLES = (
    ("code", "地类编码 DLBM"),
    ("tbmj", "图斑面积 TBMJ"),
    ("kcdlbm", "扣除地类编码 KCDLBM"),
    ("kcxs", "扣除地类系数 KCXS"),
    ("kcmj", "扣除地类面积 KCMJ"),
    ("tbdlmj", "图斑地类面积 TBDLMJ"),
    ("village", "坐落单位代码 ZLDWDM"),
    ("village_name", "坐落单位名称 ZLDWMC"),
    ("bsm", "标识码 BSM"),
    ("gddb", "耕地等别 GDDB"),
    ("gdpdjb", "耕地坡度级别 GDPDJB"),
    ("czcsxm", "城镇村属性码 CZCSXM"),
    ("xzdwkd", "线状地物宽度 XZDWKD"),
)


class DltbPage(QWizardPage, FORM):
    """Choose the DLTB layer; the detected field mapping is shown and editable."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.layerCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.layerCombo.setAllowEmptyLayer(True)
        self.mappingTable.setRowCount(len(ROLES))
        self.field_combos: dict[str, QgsFieldComboBox] = {}
        for row, (role, label) in enumerate(ROLES):
            item = QTableWidgetItem(label)
            self.mappingTable.setItem(row, 0, item)
            combo = QgsFieldComboBox()
            combo.setAllowEmptyFieldName(True)
            combo.fieldChanged.connect(self.completeChanged)
            self.mappingTable.setCellWidget(row, 1, combo)
            self.field_combos[role] = combo
        self.mappingTable.resizeColumnToContents(0)
        self.layerCombo.layerChanged.connect(self._layer_changed)
        self._layer_changed(self.layerCombo.currentLayer())

    def layer(self) -> QgsVectorLayer | None:
        """The chosen DLTB layer."""
        return self.layerCombo.currentLayer()

    def mapping(self) -> dict:
        """role → chosen field name (roles left empty are omitted)."""
        return {role: combo.currentField() for role, combo in self.field_combos.items() if combo.currentField()}

    def overrides(self) -> dict:
        """The mapping entries that differ from what would be detected anyway."""
        layer = self.layer()
        if layer is None:
            return {}
        detected = detect_fields(layer.fields().names())
        return {role: name for role, name in self.mapping().items() if detected.get(role) != name}

    def set_mapping(self, mapping: dict) -> None:
        """Restore field choices (from a project file)."""
        for role, name in mapping.items():
            if role in self.field_combos:
                self.field_combos[role].setField(name)

    def _layer_changed(self, layer) -> None:
        detected = detect_fields(layer.fields().names()) if layer is not None else {}
        for role, combo in self.field_combos.items():
            combo.setLayer(layer)
            combo.setField(detected.get(role) or "")
        self.crsLabel.setText(layer.crs().userFriendlyIdentifier() if layer is not None else "—")
        self.messageLabel.clear()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.layer() is not None and bool(self.field_combos["code"].currentField())

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        layer = self.layer()
        if layer is None:
            self.messageLabel.setText(tr("Choose the DLTB layer."))
            return False
        if not self.field_combos["code"].currentField():
            self.messageLabel.setText(tr("Map the land-use code field (DLBM)."))
            return False
        try:
            dltb.check_projected(layer)
        except LandConsolidationError as exc:
            self.messageLabel.setText(str(exc))
            return False
        self.messageLabel.clear()
        return True
