"""One module per scheme table (DOMAIN.md §7), each with its ``TITLE`` and ``build(inputs, number)``.

A module turns computed frames and figures into :class:`~core.workbook.model.Sheet` s
(its ``*_sheet`` functions, usable on their own) and says, in ``build``,
which of the run's :class:`~core.workbook.inputs.Inputs` it takes them from.  The
registry (:mod:`core.workbook.registry`) lists the tables in workbook order.
"""
