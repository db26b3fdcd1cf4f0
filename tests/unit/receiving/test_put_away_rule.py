"""The put-away suggestion (app/domain/put_away.py, docs/stock.md): pick face with room, else the
nearest reserve of the product (same lot first), else the nearest empty location."""

from app.domain.put_away import Held, PickFace, PutAwaySite, suggest

LOCATIONS = ("A-01", "A-02", "A-03", "B-01", "B-02", "C-09")
POSITION = {"A-01": 1, "A-02": 2, "A-03": 3, "B-01": 11, "B-02": 12, "C-09": 29}


def walk(origin, code):
    """A corridor: the depot at 0, each location at its position."""
    start = POSITION[origin] if origin else 0
    return abs(POSITION[code] - start)


def site(faces=(), stock=(), walk=walk):
    return PutAwaySite(LOCATIONS, tuple(faces), tuple(stock), walk)


FACE = PickFace("B-01", "SKU-1", max_qty=20)


def test_the_pick_face_when_it_has_room_for_everything_in_hand():
    found = suggest(site([FACE], [Held("B-01", "SKU-1", "", 8)]), "SKU-1", "", 12)
    assert (found.location, found.rule) == ("B-01", "pick_face")


def test_a_full_pick_face_sends_it_to_the_nearest_reserve_of_the_product_same_lot_first():
    stock = [
        Held("B-01", "SKU-1", "L1", 15),
        Held("B-02", "SKU-1", "L2", 5),  # nearest to the pick face, other lot
        Held("C-09", "SKU-1", "L1", 5),
        Held("A-01", "SKU-1", "L1", 5),
    ]
    found = suggest(site([FACE], stock), "SKU-1", "L1", 6)
    # B-01 (the face, 15 + 6 > 20) is not reserve; same lot L1: A-01 (10 away) before C-09 (18)
    assert (found.location, found.rule) == ("A-01", "same_lot")
    found = suggest(site([FACE], stock), "SKU-1", "L9", 6)
    assert (found.location, found.rule) == ("B-02", "same_product")


def test_no_reserve_the_nearest_empty_location_from_the_depot_never_a_pick_face():
    faces = [PickFace("A-01", "SKU-2", 10)]
    stock = [Held("A-02", "SKU-3", "", 4)]
    found = suggest(site(faces, stock), "SKU-1", "", 5)
    assert (found.location, found.rule) == ("A-03", "empty")


def test_nowhere_left_and_no_layout():
    full = [Held(code, "SKU-9", "", 1) for code in LOCATIONS]
    assert suggest(site(stock=full), "SKU-1", "", 1) is None
    found = suggest(
        site(stock=[Held("C-09", "SKU-1", "", 1), Held("A-03", "SKU-1", "", 1)], walk=None),
        "SKU-1",
        "",
        1,
    )
    assert found.location == "A-03"  # without a layout: the lowest code
