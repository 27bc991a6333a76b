"""An algorithm on QGIS's task manager, run from one of the plugin's dialogs.

QgsProcessingAlgRunnerTask keeps only C++ pointers to the processing
context and feedback it is given: its worker thread runs the algorithm with
them and, back on the GUI thread, it post-processes with them before it
emits ``executed``.  So they must live as long as the task runs, whatever
becomes of the dialog that started it (closed, or a parentless one dropped by
Python); the task's own Python wrapper cannot hold them (SIP lets it go while
the task manager still has the task).  :func:`algorithm_task` keeps them here
until the task has completed or terminated, after ``executed``.

The dialogs connect the task's and the feedback's signals to bound methods,
never to lambdas that capture the dialog: PyQt holds a lambda strongly, so
``dialog → feedback → lambda → dialog`` is a reference cycle, and a widget in
a reference cycle is destroyed by Python's cyclic garbage collector, which
runs in whichever thread happens to allocate at that moment — often the
worker thread of a task running a Python algorithm, where destroying widgets
crashes QGIS.
"""
from __future__ import annotations

import functools

from qgis.core import QgsProcessingAlgRunnerTask
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import QCoreApplication, QEventLoop, QThread
from qgis.PyQt.QtWidgets import QApplication

#: id of a task → (the task, its context, its feedback), while the task manager has it.
_RUNNING: dict = {}


def algorithm_task(algorithm, parameters: dict, context, feedback) -> QgsProcessingAlgRunnerTask:
    """A task running ``algorithm`` whose ``context`` and ``feedback`` are kept until it has completed or terminated.

    The maps settle first (:func:`settle_maps`).
    """
    settle_maps()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    key = id(task)
    _RUNNING[key] = (task, context, feedback)
    release = functools.partial(_RUNNING.pop, key, None)
    task.taskCompleted.connect(release)
    task.taskTerminated.connect(release)
    return task


def settle_maps(rounds: int = 5) -> None:
    """Let every map canvas finish the redraws already asked for, on the GUI thread, before a task starts.

    Adding a layer schedules a canvas redraw (a timer of 1 ms, and another
    one when a redraw was asked for during a render); one that fires just as
    a task's worker starts reading layers built QGIS 3.22's project
    expression scope from two threads at once, and crashed QGIS.  Pending
    timers are run and running renders waited for, a few rounds at most.
    """
    for _ in range(rounds):
        QThread.msleep(2)  # the 1 ms redraw timers are due
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        busy = [w for w in QApplication.allWidgets() if isinstance(w, QgsMapCanvas) and w.isDrawing()]
        if not busy:
            return
        for canvas in busy:
            canvas.waitWhileRendering()
