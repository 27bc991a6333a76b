"""What the project wizard's pages share: the page may be left only when it has no problem."""
from __future__ import annotations


class CheckedPage:
    """Mixin of a QWizardPage whose :meth:`problem` says why the wizard cannot go on (None when it can).

    The problem is shown in the page's message label (``messageLabel``;
    :meth:`message_label` says otherwise); Next is enabled only without one;
    leaving the page calls :meth:`accepted` (to remember the choices).
    """

    def problem(self) -> str | None:
        """Why the wizard cannot go on from this page, or None."""
        raise NotImplementedError

    def message_label(self):
        """The label the problem is shown in."""
        return self.messageLabel

    def accepted(self) -> None:
        """Called when the page is left with no problem."""

    def _refresh(self, *_) -> None:
        self.message_label().setText(self.problem() or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.problem() is None

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        problem = self.problem()
        self.message_label().setText(problem or "")
        if problem is None:
            self.accepted()
        return problem is None
