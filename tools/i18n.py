"""Translation upkeep: extract every tr() string and keep resources/i18n/*.ts in step.

Usage::

    /usr/bin/python3 tools/i18n.py check    # list strings without a finished translation (exit 1 if any)
    /usr/bin/python3 tools/i18n.py update   # rewrite the .ts: new strings added as unfinished, stale ones dropped
    /usr/bin/python3 tools/i18n.py fill F.json   # set translations from {"source": "译文", …} (then update)
    /usr/bin/python3 tools/i18n.py todo F.json   # write the strings still to translate as such a file

Sources of strings:

* Python files of the plugin: ``tr("…")``, ``self.tr("…")`` and ``tr_noop("…")``
  calls with a literal first argument, in the context ``LandConsolidation``
  (the plugin's :func:`i18n.tr` and the algorithms' ``tr`` both use it);
* Designer forms (``dialogs/*.ui``): every ``<string>`` not marked
  ``notr="true"``, in the context of the form's class (as pyuic's
  ``retranslateUi`` asks for them).

The .ts file is the store of the translations themselves; lrelease compiles
it (tools/install_plugin.py does, at install and before tests).
"""
from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "LandConsolidation"
SOURCES = ("plugin.py", "i18n.py", "core", "processing", "dialogs")
TS_FILES = {"zh_CN": ROOT / "resources" / "i18n" / "land_consolidation_zh_CN.ts"}
CALLS = {"tr", "tr_noop"}


def python_strings(path: Path) -> list[tuple[str, str, int]]:
    """(context, source text, line) of every literal tr()/tr_noop() call in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if name not in CALLS:
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.append((CONTEXT, arg.value, node.lineno))
    return found


def ui_strings(path: Path) -> list[tuple[str, str, int]]:
    """(context, source text, 0) of the translatable strings of a Designer form."""
    tree = ET.parse(path)
    context = tree.getroot().findtext("class")
    return [(context, el.text, 0) for el in tree.iter("string") if el.text and el.get("notr") != "true"]


def extract() -> dict[tuple[str, str], str]:
    """(context, source) → first location, over the plugin's files."""
    strings: dict[tuple[str, str], str] = {}
    for item in SOURCES:
        base = ROOT / item
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            if path.suffix == ".py":
                entries = python_strings(path)
            elif path.suffix == ".ui":
                entries = ui_strings(path)
            else:
                continue
            for context, text, line in entries:
                strings.setdefault((context, text), f"{path.relative_to(ROOT)}:{line}")
    return strings


def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) → (translation, finished) from a .ts file."""
    if not path.exists():
        return {}
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = translation.text or "" if translation is not None else ""
            finished = translation is not None and translation.get("type") not in ("unfinished", "obsolete")
            result[(name, source)] = (text, finished and bool(text))
    return result


def write_ts(path: Path, language: str, strings: dict, existing: dict) -> None:
    """Write the .ts with every extracted string, keeping existing translations."""
    root = ET.Element("TS", version="2.1", language=language)
    by_context: dict[str, list] = {}
    for (context, source), location in sorted(strings.items(), key=lambda kv: (kv[0][0], kv[1])):
        by_context.setdefault(context, []).append((source, location))
    for context in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source, location in by_context[context]:
            message = ET.SubElement(ctx, "message")
            file_name, _, line = location.partition(":")
            ET.SubElement(message, "location", filename=file_name, line=line or "0")
            ET.SubElement(message, "source").text = source
            text, finished = existing.get((context, source), ("", False))
            translation = ET.SubElement(message, "translation")
            translation.text = text
            if not finished:
                translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def missing(language: str = "zh_CN") -> list[tuple[str, str, str]]:
    """(context, source, location) of strings without a finished translation."""
    existing = read_ts(TS_FILES[language])
    return [(c, s, loc) for (c, s), loc in extract().items() if not existing.get((c, s), ("", False))[1]]


def main(argv=None) -> int:
    """Command line entry point."""
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv else "check"
    if command == "update":
        strings = extract()
        for language, path in TS_FILES.items():
            write_ts(path, language, strings, read_ts(path))
            print(f"{path.relative_to(ROOT)}: {len(strings)} strings, {len(missing(language))} to translate")
        return 0
    if command in ("fill", "todo") and len(argv) > 1:
        import json

        target = Path(argv[1])
        if command == "todo":
            todo = {source: "" for _, source, _ in missing()}
            target.write_text(json.dumps(todo, ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"{len(todo)} string(s) to translate written to {target}")
            return 0
        given = json.loads(target.read_text(encoding="utf-8"))
        strings = extract()
        for language, path in TS_FILES.items():
            existing = read_ts(path)
            for context, source in strings:
                if given.get(source):
                    existing[(context, source)] = (given[source], True)
            write_ts(path, language, strings, existing)
            print(f"{path.relative_to(ROOT)}: {len(strings)} strings, {len(missing(language))} to translate")
        return 0
    gaps = missing()
    for context, source, location in gaps:
        print(f"{location}  [{context}]  {source[:100]!r}")
    print(f"{len(gaps)} string(s) without a finished zh_CN translation")
    return 1 if gaps else 0


if __name__ == "__main__":
    sys.exit(main())
