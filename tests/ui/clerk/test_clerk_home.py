"""The clerk's home switches jobs by command barcode and passes other scans to the job shown."""

from PySide6.QtWidgets import QLabel

from app.domain.users import Role, User
from app.scanning.interpret import interpret
from ui.clerk import ClerkHome

CLERK = User("Sanne de Vries", Role.CLERK, "1013")


class Page(QLabel):
    def __init__(self, job):
        super().__init__(job)
        self.scans, self.typed = [], []

    def handle_scan(self, scan):
        self.scans.append(scan.raw)

    def handle_typed_number(self, typed):
        self.typed.append(typed)


def test_a_job_barcode_switches_the_page_and_keeps_the_others_state(qtbot):
    home = ClerkHome(CLERK, {job: (lambda j=job: Page(j)) for job in ("RECEIVE", "COUNT", "MOVE")})
    qtbot.addWidget(home)
    assert home.job == "RECEIVE"
    home.handle_scan(interpret("L:A01-001-L-1"))
    receive = home.page
    home.handle_scan(interpret("C:COUNT"))
    assert home.job == "COUNT" and home.buttons["COUNT"].isChecked()
    home.handle_scan(interpret("L:A02-003-R-1"))
    home.handle_typed_number("12")
    count = home.page
    home.handle_scan(interpret("C:RECEIVE"))
    assert home.page is receive
    assert receive.scans == ["L:A01-001-L-1"]
    assert count.scans == ["L:A02-003-R-1"] and count.typed == ["12"]


def test_a_command_no_job_takes_goes_to_the_page(qtbot):
    home = ClerkHome(CLERK, {"MOVE": lambda: Page("MOVE")})
    qtbot.addWidget(home)
    home.handle_scan(interpret("C:RECEIVE"))  # not on this station: the page decides
    assert home.job == "MOVE" and home.page.scans == ["C:RECEIVE"]
    home.buttons["MOVE"].click()
    assert home.job == "MOVE"
