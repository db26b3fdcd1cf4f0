"""A whole pick list through the real picker screens, by scanning: a serial scanner on a pty
(devices simulator → reader thread → DeviceBridge) and keyboard-wedge bursts (ui.wedge), with the
real database worker and the demo database; central state is checked afterwards."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.domain.users import Role
from app.services import users
from app.services.picking_central import CentralPickingBackend
from app.steps.picking import Phase
from db.schema import (
    allocations,
    events,
    exceptions,
    order_lines,
    orders,
    pick_lists,
    pick_tasks,
    stock,
    totes,
)
from devices.simulators import VirtualSerialPort
from devices.station import DeviceSettings, start_devices, stop_devices
from ui.bridge import DeviceBridge
from ui.main_window import MainWindow
from ui.picker import PickerHome
from ui.wedge import WedgeScanFilter
from ui.worker import DatabaseWorker

STATION = "PICK-07"


class Services:
    def __init__(self, central):
        self.central = central

    def sign_in(self, badge, pin):
        return users.sign_in(self.central.uow(), badge, pin, STATION)


class Station:
    """The picker's station: window, database worker, a serial scanner and a wedge scanner."""

    def __init__(self, qtbot, central, tmp_path):
        self.qtbot, self.central = qtbot, central
        self.last_seen: dict[str, float] = {}
        self.worker = DatabaseWorker()
        backend = CentralPickingBackend(central.uow, STATION)
        homes = {Role.PICKER: lambda user: PickerHome(user, backend, self.worker, STATION)}
        settings = QSettings(str(tmp_path / "station.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(Services(central), self.worker, settings, STATION, homes)
        qtbot.addWidget(self.window)
        self.window.show()
        self.bridge = DeviceBridge(self.window)
        self.bridge.scan.connect(self.window.handle_scan)
        self.port = VirtualSerialPort()
        self.links = start_devices(
            DeviceSettings(scanners=(self.port.path,)),
            on_scan=self.bridge.on_scan,
            on_weight=self.bridge.on_weight,
            on_status=self.bridge.on_status,
        )
        qtbot.waitUntil(lambda: self.links[0].connected.is_set(), timeout=3000)
        self.wedge = WedgeScanFilter(QApplication.instance())
        self.wedge.scanned.connect(self.window.handle_scan)
        QApplication.instance().installEventFilter(self.wedge)

    @property
    def home(self) -> PickerHome:
        return self.window.home

    def _like_a_person(self, raw: str) -> None:
        # Scanners count the same code within 0.3 s once (a double trigger pull): a person
        # scanning the same thing again takes longer than that.
        since = time.monotonic() - self.last_seen.get(raw, -10.0)
        if since < 0.4:
            self.qtbot.wait(int((0.4 - since) * 1000))
        self.last_seen[raw] = time.monotonic()

    def serial(self, raw: str):
        """Scan on the serial scanner and wait until the screen shows the verdict."""
        self._like_a_person(raw)
        with self.qtbot.waitSignal(self.home.verdict_shown, timeout=15000) as shown:
            self.port.write(raw.encode() + b"\r")
        return shown.args

    def keyboard(self, raw: str):
        """Scan with the keyboard-wedge scanner: a burst of keys and Enter."""
        self._like_a_person(raw)
        with self.qtbot.waitSignal(self.home.verdict_shown, timeout=15000) as shown:
            self.qtbot.keyClicks(self.window.focusWidget() or self.window, raw)
            self.qtbot.keyClick(self.window.focusWidget() or self.window, Qt.Key.Key_Return)
        return shown.args

    def sign_in(self) -> None:
        self.qtbot.keyClicks(self.window.sign_in.badge_field, "B:1001")
        self.qtbot.keyClick(self.window.sign_in.badge_field, Qt.Key.Key_Return)
        self.qtbot.waitUntil(lambda: isinstance(self.window.home, PickerHome), timeout=15000)
        self.qtbot.waitUntil(lambda: self.home.state is not None, timeout=15000)

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self.wedge)
        stop_devices(self.links)
        self.port.close()
        self.worker.shutdown()
        self.window.close()


def gs1(task, lot=None, expiry="301231", quantity=None) -> str:
    text = f"01{task.gtins[0]}17{expiry}10{lot if lot is not None else task.lot or 'X1'}"
    return text + (f"\x1d30{quantity}" if quantity else "")


def item(task) -> str:
    return gs1(task) if task.lot else task.gtins[0]


@pytest.fixture
def station(qtbot, demo_central, tmp_path):
    made = []

    def make():
        made.append(Station(qtbot, demo_central, tmp_path))
        return made[-1]

    yield make
    for s in made:
        s.close()


def test_a_whole_pick_list_by_scanning_with_refusals_short_skip_undo_and_a_restart(
    station, demo_central
):
    busy_order = _bind_tote_elsewhere(demo_central, "BUSY1")
    with demo_central.engine.connect() as conn:
        stock_before = {r.id: (r.on_hand, r.reserved) for r in conn.execute(select(stock))}
    picker = station()
    picker.sign_in()
    home = picker.home
    state = home.state
    list_id, cart = state.pick_list.id, state.pick_list.cart
    assert state.phase is Phase.CART and busy_order not in {s.order_ref for s in cart}
    refusals = []

    # Cart set-up: a tote in use elsewhere and a tote already on the cart are refused.
    assert picker.serial("T:BUSY1") == ["error", "tote_in_use"]
    assert picker.serial("T:C01") == ["ok", "tote_bound"]
    assert picker.serial("T:C01") == ["error", "tote_on_cart"]
    refusals += ["tote_in_use", "tote_on_cart"]
    for n in range(2, len(cart) + 1):
        picker.serial(f"T:C{n:02d}")
    assert home.state.phase is Phase.LOCATION

    # First task: every kind of wrong scan, then right, counting by GS1 quantity or typing.
    task = home.state.task
    assert picker.keyboard(task.gtins[0])[1] == "scan_location_first"
    assert picker.keyboard("L:Z99-999-Z-9") == ["error", "wrong_location"]
    assert picker.keyboard(f"L:{task.location}") == ["ok", "location_ok"]
    other = next(t for t in home.state.pick_list.tasks if t.gtins[0] != task.gtins[0])
    assert picker.serial(other.gtins[0]) == ["error", "wrong_item"]
    refusals += ["scan_location_first", "wrong_location", "wrong_item"]
    if task.lot:
        assert picker.serial(gs1(task, lot="NOPE9")) == ["error", "wrong_lot"]
        assert picker.serial(gs1(task, expiry="200101")) == ["error", "expired_lot"]
        refusals += ["wrong_lot", "expired_lot"]
    picker.serial(item(task))
    wrong_tote = next(s.tote for s in home.state.pick_list.cart if s.order_ref != task.order_ref)
    assert picker.serial(f"T:{wrong_tote}") == ["error", "wrong_tote"]
    refusals.append("wrong_tote")
    home.type_count(task.remaining)
    right_tote = home.state.pick_list.tote_for(task.order_ref)
    assert picker.serial(f"T:{right_tote}")[1] == "picked"
    first_done = task

    # Undo the last confirmation, then pick it again.
    assert picker.serial("C:UNDO") == ["ok", "undone"]
    assert home.state.task.id == first_done.id
    picker.serial(item(first_done))
    home.type_count(first_done.remaining)
    picker.serial(f"T:{right_tote}")

    # Skip the next task: it goes to the end of the route.
    skipped = home.state.task
    assert picker.serial("C:SKIP") == ["ok", "skipped"]
    assert home.state.route[-1] == skipped.id

    # Short the next one: nothing found, reason chosen by scanning C:NEXT.
    shorted = home.state.task
    picker.serial(f"L:{shorted.location}") if home.state.phase is Phase.LOCATION else None
    picker.serial("C:SHORT")
    picker.serial("C:NEXT")
    assert picker.serial("C:CONFIRM") == ["ok", "short_reported"]

    # Two more tasks, then the app restarts mid-list and resumes at the right task.
    for _ in range(2):
        _pick(picker, home.state.task)
    expected_next = home.state.task.id
    picker.close()
    picker = station()
    picker.sign_in()
    home = picker.home
    assert home.state.pick_list.id == list_id
    assert home.state.task.id == expected_next and home.state.phase is Phase.LOCATION
    while home.state.phase is not Phase.FINISH:
        _pick(picker, home.state.task)
    assert home.state.route == () and skipped.id not in home.state.route
    assert picker.serial("C:CONFIRM") == ["ok", "finished"]

    _check_central(demo_central, list_id, shorted, refusals, stock_before)


def _pick(picker, task) -> None:
    home = picker.home
    if home.state.phase is Phase.LOCATION:
        assert picker.serial(f"L:{task.location}")[1] == "location_ok"
    for _ in range(task.remaining):
        assert picker.serial(item(task))[0] == "ok"
    tote = home.state.pick_list.tote_for(task.order_ref)
    assert picker.serial(f"T:{tote}")[1] == "picked"


def _bind_tote_elsewhere(central, code: str) -> int:
    """A tote already on another order that is being picked."""
    with central.engine.begin() as conn:
        ref = conn.execute(
            select(orders.c.id).where(orders.c.status == "allocated").limit(1)
        ).scalar_one()
        conn.execute(totes.insert().values(code=code, order_id=ref, status="in_use"))
    return ref


def _check_central(central, list_id, shorted, refusals, stock_before) -> None:
    with central.engine.connect() as conn:
        tasks = conn.execute(
            select(pick_tasks, allocations.c.stock_id)
            .join(allocations, allocations.c.id == pick_tasks.c.allocation_id)
            .where(pick_tasks.c.pick_list_id == list_id)
        ).all()
        listed = conn.execute(select(pick_lists).where(pick_lists.c.id == list_id)).one()
        assert listed.status == "done" and listed.finished_at is not None
        for t in tasks:
            if t.id == shorted.id:
                assert (t.status, t.short, t.picked) == ("short", t.quantity, 0)
            else:
                assert (t.status, t.picked, t.picked_by) == ("done", t.quantity, "李娜")
                line = conn.execute(select(order_lines).where(order_lines.c.id == t.order_line_id))
                assert line.one().picked >= t.picked
        short_order = conn.execute(
            select(order_lines.c.order_id).where(order_lines.c.id == shorted_line(tasks, shorted))
        ).scalar_one()
        statuses = dict(
            conn.execute(
                select(orders.c.id, orders.c.status).where(
                    orders.c.id.in_({_order_of(conn, t.order_line_id) for t in tasks})
                )
            ).all()
        )
        assert statuses.pop(short_order) == "exception"
        assert set(statuses.values()) == {"picked"}
        kinds = dict(
            conn.execute(
                select(events.c.kind, func.count())
                .where(events.c.station == STATION)
                .group_by(events.c.kind)
            ).all()
        )
        done_tasks = len(tasks) - 1
        assert kinds["pick.confirmed"] == done_tasks + 1  # one pick was undone and made again
        assert kinds["pick.undone"] == 1 and kinds["pick.short"] == 1
        assert kinds["pick.skipped"] == 1 and kinds["picklist.finished"] == 1
        assert kinds["scan.refused"] == len(refusals)
        assert conn.execute(select(func.count(func.distinct(events.c.uuid)))).scalar() == (
            conn.execute(select(func.count()).select_from(events)).scalar()
        )
        short_rows = conn.execute(select(exceptions).where(exceptions.c.kind == "short_pick")).all()
        assert len(short_rows) == 1 and short_rows[0].pick_task_id == shorted.id
        assert short_rows[0].details["suggestion"] in ("reallocate", "backorder")
        ready = conn.execute(select(func.count()).where(totes.c.status == "ready")).scalar()
        assert ready == len({_order_of(conn, t.order_line_id) for t in tasks})
        _check_stock(conn, tasks, stock_before)


def shorted_line(tasks, shorted) -> int:
    return next(t.order_line_id for t in tasks if t.id == shorted.id)


def _order_of(conn, line_id: int) -> int:
    return conn.execute(select(order_lines.c.order_id).where(order_lines.c.id == line_id)).scalar()


def _check_stock(conn, tasks, before) -> None:
    """Each stock row lost what was picked from it, on hand and reserved; a short releases the
    reservation of the shortfall."""
    taken: dict[int, tuple[int, int]] = {}
    for t in tasks:
        picked, released = taken.get(t.stock_id, (0, 0))
        taken[t.stock_id] = (picked + t.picked, released + t.short)
    for stock_id, (picked, released) in taken.items():
        row = conn.execute(select(stock).where(stock.c.id == stock_id)).one()
        on_hand, reserved = before[stock_id]
        assert (row.on_hand, row.reserved) == (on_hand - picked, reserved - picked - released)
