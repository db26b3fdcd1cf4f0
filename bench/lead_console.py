"""Lead console figures: board refresh with 2,000 active pick lists, UI-thread blocking while it
refreshes, and the KPI query over 30 days of 1,000,000 events on PostgreSQL.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/lead_console.py [--lists 2000] [--events 1000000]

Board: the demo site (SQLite) grown to N active pick lists. Ours: one grouped query on the
database worker, the model reset on the UI thread. Baselines in the same run: the `picklists`
query (every task loaded, progress counted in Python), and the board query run on the UI thread.
KPIs: a fresh database on SHIPSHAPE_BENCH_PG_URL or SHIPSHAPE_TEST_PG_URL, events generated
with INSERT ... SELECT generate_series. Ours: GROUP BY in the database; baseline: every event
of the range fetched and counted in Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.bootstrap import open_central  # noqa: E402
from app.domain import kpis  # noqa: E402
from app.services import demo  # noqa: E402
from app.services.lead.console import LeadConsole  # noqa: E402
from app.services.users import authenticate_lead  # noqa: E402
from db.engine import normalize_url  # noqa: E402
from db.schema import pick_lists, pick_tasks, users, waves  # noqa: E402

HEARTBEAT_MS = 5
IDLE_GAP_MS: list[float] = []  # heartbeat gaps with no refresh at all: the machine's noise
UI_WORK_MS: list[float] = []  # our own work on the UI thread per refresh: rows into the models


def grow_board(central, n_lists: int) -> None:
    """Copy the demo's pick lists until N are active, in 40 waves, most of them being picked."""
    now = datetime.now(UTC)
    with central.engine.begin() as conn:
        templates = conn.execute(select(pick_tasks).order_by(pick_tasks.c.id)).all()
        by_list: dict[int, list] = {}
        for task in templates:
            by_list.setdefault(task.pick_list_id, []).append(task)
        shapes = list(by_list.values())
        pickers = conn.execute(select(users.c.id).where(users.c.role == "picker")).scalars().all()
        have = conn.execute(select(pick_lists.c.id)).all()
        wave_ids = [
            conn.execute(
                insert(waves)
                .values(name=f"BENCH-{w}", status="released", created_at=now, released_at=now)
                .returning(waves.c.id)
            ).scalar_one()
            for w in range(40)
        ]
        tasks = []
        for n in range(n_lists - len(have)):
            status = ("picking", "assigned", "released")[n % 3]
            list_id = conn.execute(
                insert(pick_lists)
                .values(
                    wave_id=wave_ids[n % 40],
                    status=status,
                    distance_m=300.0,
                    sshape_distance_m=380.0,
                    version=1,
                    claimed_at=now - timedelta(minutes=n % 50),
                    assignee_id=None if status == "released" else pickers[n % len(pickers)],
                )
                .returning(pick_lists.c.id)
            ).scalar_one()
            for seq, t in enumerate(shapes[n % len(shapes)], start=1):
                done = status == "picking" and seq <= 5
                tasks.append(
                    {
                        "pick_list_id": list_id,
                        "seq": seq,
                        "allocation_id": t.allocation_id,
                        "location_id": t.location_id,
                        "product_id": t.product_id,
                        "order_line_id": t.order_line_id,
                        "quantity": t.quantity,
                        "picked": t.quantity if done else 0,
                        "short": 0,
                        "status": "done" if done else "open",
                        "picked_by": None,
                        "picked_at": now if done else None,
                    }
                )
        conn.execute(insert(pick_tasks), tasks)


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def baseline_board(central):
    """The obvious way: every open list with all its tasks, progress counted in Python."""
    with central.uow() as uow:
        lists = uow.waves.open_pick_lists()
    return [(p["id"], sum(1 for t in p["tasks"] if t["picked"]), len(p["tasks"])) for p in lists]


def ui_block(console, worker_factory, refreshes: int) -> tuple[float, float]:
    """(median refresh ms as the lead sees it, largest UI-thread gap in ms) over N refreshes.

    A 5 ms QTimer heartbeat runs on the UI thread throughout; a gap longer than the interval
    is time the UI thread could not react (a query, a model reset, a repaint).
    """
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from ui.app import prepare_application
    from ui.lead import LeadHome

    app = prepare_application(["bench"])
    worker = worker_factory()
    home = LeadHome(console, worker, poll_ms=3_600_000)
    home.resize(1600, 1000)
    home.show()
    _settle(app, 0.5)
    clock, gaps, last = QElapsedTimer(), [], [0]

    def beat() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer(interval=HEARTBEAT_MS, timeout=beat)
    clock.start()
    heartbeat.start()
    _settle(app, 1.0)  # the machine's own noise first: the same heartbeat with nothing to do
    IDLE_GAP_MS.append(max(gaps) - HEARTBEAT_MS)
    gaps.clear()
    last[0] = clock.elapsed()
    durations = [refresh_once(app, home, QEventLoop) for _ in range(refreshes)]
    heartbeat.stop()
    worker.shutdown()
    home.close()
    return statistics.median(durations), max(gaps) - HEARTBEAT_MS


def refresh_once(app, home, event_loop) -> float:
    """One poll, from the timer's call to the board shown on screen; ms."""
    loop, shown, took = event_loop(), home.board.show_board, []
    started = time.perf_counter()

    def on_board(board) -> None:
        ui_started = time.perf_counter()
        shown(board)  # Qt paints the changed rows on its own, inside the heartbeat's window
        done = time.perf_counter()
        UI_WORK_MS.append((done - ui_started) * 1000)
        took.append((done - started) * 1000)
        loop.quit()

    home.board.show_board = on_board
    home.worker.submit(pick_some, home.console)  # the floor moves on between two polls
    home.poll(force=True)
    if not took:  # a real worker: wait for the queued result
        loop.exec()
    home.board.show_board = shown
    _settle(app, 0.05)
    return took[0]


def pick_some(console, n: int = 20) -> None:
    """Confirm n open tasks of lists being picked (worker thread), as stations would."""
    from db.schema import pick_tasks as tasks

    uow = console._uow()
    with uow:
        open_ids = (
            uow.connection.execute(
                select(tasks.c.id).where(tasks.c.status == "open").order_by(tasks.c.id).limit(n)
            )
            .scalars()
            .all()
        )
        uow.connection.execute(
            tasks.update()
            .where(tasks.c.id.in_(open_ids))
            .values(
                status="done",
                picked=tasks.c.quantity,
                picked_by="bench",
                picked_at=datetime.now(UTC),
            )
        )
        uow.commit()


def _settle(app, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def board_figures(n_lists: int) -> dict:
    from ui.worker import DatabaseWorker, SynchronousWorker

    folder = tempfile.mkdtemp(prefix="lead-bench-")
    central = open_central(f"sqlite:///{folder}/central.sqlite")
    demo.seed_demo(central.uow(), central.setup_identity())
    grow_board(central, n_lists)
    lead = authenticate_lead(central.uow(), "1011", "694907")
    console = LeadConsole(central.uow, lead, "bench")
    active = len(console.board().rows)
    ours = timed(console.board, 10)
    base = timed(lambda: baseline_board(central), 5)
    refresh, block = ui_block(console, DatabaseWorker, 10)
    ui_work, idle_gap = max(UI_WORK_MS), IDLE_GAP_MS[0]
    _, block_sync = ui_block(console, SynchronousWorker, 5)
    return {
        "lists": active,
        "ours_ms": statistics.median(ours),
        "base_ms": statistics.median(base),
        "refresh_ms": refresh,
        "block_ms": block,
        "block_sync_ms": block_sync,
        "ui_work_ms": ui_work,
        "idle_gap_ms": idle_gap,
    }


def pg_database(server_url: str):
    """A fresh database on the server; returns (url, drop function)."""
    server = make_url(normalize_url(server_url))
    name = f"shipshape_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return server.set(database=name).render_as_string(hide_password=False), drop


NEW_FACTS = """INSERT INTO events (uuid, kind, occurred_at, user_name, station, payload)
    SELECT gen_random_uuid()::text, 'pick.confirmed', now() - random() * interval '2 hours',
           'picker-' || (g % 30), 'st', json_build_object('quantity', 1)
    FROM generate_series(1, 5000) g"""

GENERATE = [
    # 40,000 orders over 35 days, each imported, due 24 h later and shipped 2-30 h after import.
    """INSERT INTO orders (channel, order_id, priority, carrier, service, ship_by, ship_to,
           status, reason, review_passed, received_at)
       SELECT 'web', 'B-' || g, 0, 'DHL', '', ts + interval '24 hours', '{"name": "x"}'::json,
              'shipped', '', false, ts
       FROM (SELECT g, now() - interval '35 days' + g * interval '35 days' / 40000 AS ts
             FROM generate_series(1, 40000) g) s""",
    """INSERT INTO events (uuid, kind, occurred_at, user_name, station, order_ref, payload)
       SELECT gen_random_uuid()::text, 'order.shipped',
              received_at + interval '2 hours' + random() * interval '28 hours',
              'packer-' || (id % 12), 'pack', id, '{}'::json
       FROM orders""",
    # The rest of the million: picks, packed items, refused scans, other events.
    """INSERT INTO events (uuid, kind, occurred_at, user_name, station, order_ref, payload)
       SELECT gen_random_uuid()::text,
              CASE WHEN g % 100 < 62 THEN 'pick.confirmed' WHEN g % 100 < 93 THEN 'pack.item'
                   WHEN g % 100 < 95 THEN 'scan.refused' ELSE 'user.signed_in' END,
              now() - random() * interval '35 days',
              CASE WHEN g % 100 < 62 OR g % 100 >= 93 THEN 'picker-' || (g % 30)
                   ELSE 'packer-' || (g % 12) END,
              'st-' || (g % 40), NULL, json_build_object('quantity', 1 + g % 3)
       FROM generate_series(1, :rest) g""",
    """INSERT INTO waves (name, status, created_at, released_at)
       SELECT 'W-' || g, 'done', ts, ts
       FROM (SELECT g, now() - g * interval '35 days' / 300 AS ts
             FROM generate_series(1, 300) g) s""",
    """INSERT INTO pick_lists (wave_id, status, distance_m, sshape_distance_m, version)
       SELECT w.id, 'done', 250 + g % 200, 320 + g % 260, 1
       FROM waves w CROSS JOIN generate_series(1, 10) g""",
    "ANALYZE",
]


def kpi_figures(server_url: str, n_events: int) -> dict:
    from app.domain.users import Role, User
    from app.services.lead import kpi_report

    url, drop = pg_database(server_url)
    try:
        central = open_central(url)
        started = time.perf_counter()
        with central.engine.begin() as conn:
            for statement in GENERATE:
                conn.execute(text(statement), {"rest": n_events - 40_000})
        generate_s = time.perf_counter() - started
        with central.engine.connect() as conn:
            total = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
        lead = User("bench", Role.LEAD, "0")
        end = datetime.now(UTC)
        start = end - timedelta(days=30)
        cold = timed(lambda: kpi_report(central.uow(), lead, start, end), 1)  # builds the roll-up
        with central.engine.begin() as conn:  # the floor goes on: 5,000 new facts
            conn.execute(text(NEW_FACTS))
        ours = timed(lambda: kpi_report(central.uow(), lead, start, end), 3)
        base = timed(lambda: baseline_kpis(central, start, end), 1)
        report = kpi_report(central.uow(), lead, start, end)
        central.close()
    finally:
        drop()
    return {
        "cold_s": cold[0] / 1000,
        "events": total,
        "generate_s": generate_s,
        "ours_s": min(ours) / 1000,
        "ours_median_s": statistics.median(ours) / 1000,
        "base_s": base[0] / 1000,
        "rates": len(report.rates),
        "cycle_orders": report.cycle.orders,
    }


def baseline_kpis(central, start, end):
    """Every event of the range fetched; hours and rates counted in Python."""
    rows = []
    good = refused = 0
    with central.engine.connect() as conn:
        result = conn.execute(
            text(
                "SELECT kind, user_name, occurred_at, payload FROM events "
                "WHERE occurred_at >= :s AND occurred_at < :e"
            ),
            {"s": start, "e": end},
        )
        for kind, user, at, payload in result:
            if kind in ("pick.confirmed", "pack.item"):
                hour = at.replace(minute=0, second=0, microsecond=0)
                rows.append(kpis.ActivityRow(user, kind[:4], hour, 1, payload.get("quantity", 1)))
            good += kind == "pick.confirmed"
            refused += kind == "scan.refused"
    return kpis.rates(rows), kpis.mis_scans_per_1000(good, refused)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=2000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--no-pg", action="store_true", help="the board figures only")
    args = parser.parse_args()
    board = board_figures(args.lists)
    print(f"Board: {board['lists']} active pick lists (SQLite, demo site grown)")
    print(f"{'':44} {'ours':>10} {'baseline':>10}")
    print(
        f"{'board query, median of 10 (ms)':44} {board['ours_ms']:>10.1f} {board['base_ms']:>10.1f}"
        "   baseline: picklists query, progress in Python"
    )
    print(f"{'refresh seen by the lead, median (ms)':44} {board['refresh_ms']:>10.1f}")
    print(
        f"{'UI thread longest block while refreshing (ms)':44} {board['block_ms']:>10.1f} "
        f"{board['block_sync_ms']:>10.1f}   baseline: the same query on the UI thread"
    )
    print(
        f"{'UI-thread work per refresh, max (ms)':44} {board['ui_work_ms']:>10.1f}"
        "   rows into the models (painting is in the gap)"
    )
    print(
        f"{'UI thread longest gap with no refresh (ms)':44} {board['idle_gap_ms']:>10.1f}"
        "   the machine's noise floor, same heartbeat"
    )
    print(f"(load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    server = os.environ.get("SHIPSHAPE_BENCH_PG_URL") or os.environ.get("SHIPSHAPE_TEST_PG_URL")
    if args.no_pg:
        server = None
    figures = None
    if server:
        figures = kpi_figures(server, args.events)
        print(
            f"\nKPIs, 30 days of {figures['events']:,} events over 35 days (PostgreSQL; "
            f"generated in {figures['generate_s']:.1f} s)"
        )
        print(f"{'':44} {'ours':>10} {'baseline':>10}")
        print(
            f"{'KPI report, best of 3 (s)':44} {figures['ours_s']:>10.2f} "
            f"{figures['base_s']:>10.2f}   baseline: every event fetched, counted in Python"
        )
        print(
            f"{'KPI report, median of 3 (s)':44} {figures['ours_median_s']:>10.2f}"
            "   with 5,000 new facts since the last report"
        )
        print(
            f"{'first report, builds the hourly roll-up (s)':44} {figures['cold_s']:>10.2f}"
            "   once, after 1,000,000 events arrived at once"
        )
    else:
        print(
            "\nKPIs: set SHIPSHAPE_BENCH_PG_URL or SHIPSHAPE_TEST_PG_URL for the PostgreSQL figure"
        )
    print(f"RESULT lead_board_refresh_ms {board['ours_ms']:.1f} ms")
    print(f"RESULT lead_ui_block_max_ms {board['block_ms']:.1f} ms")
    if figures:
        print(f"RESULT lead_kpi_30d_s {figures['ours_median_s']:.2f} s")


if __name__ == "__main__":
    main()
