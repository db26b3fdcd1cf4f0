"""Sample shipments: ASCII, accented, Chinese, Cyrillic and every field at its limit (the label
tests, bench/labels.py and anyone trying a printer)."""

from __future__ import annotations

import copy

from app.domain.shipment_label import MAX_TEXT

CHINESE = {
    "order_ref": "SO-1001",
    "carrier": "SF Express",
    "service": "Standard",
    "tracking_number": "SF1234567890123",
    "sscc": "376130321109103420",
    "ship_from": {
        "name": "Shipshape DC East",
        "street1": "1 Dock Rd",
        "city": "Ningbo",
        "postal_code": "315000",
        "country": "CN",
    },
    "ship_to": {
        "name": "王小明",
        "company": "",
        "street1": "浦东新区世纪大道100号",
        "street2": "",
        "city": "上海",
        "region": "上海市",
        "postal_code": "200120",
        "country": "CN",
        "phone": "+86 21 5555 0000",
    },
    "package": {"index": 1, "count": 2, "weight_kg": 1.25},
}


def shipment(**changes) -> dict:
    data = copy.deepcopy(CHINESE)
    for key, value in changes.items():
        data[key] = value
    return data


ASCII = shipment(
    tracking_number="1Z999AA10123456784",
    sscc="106141411234567897",
    ship_to={
        "name": "Jane Doe",
        "company": "Acme Corp",
        "street1": "500 Main Street",
        "street2": "Suite 12",
        "city": "Springfield",
        "region": "IL",
        "postal_code": "62701",
        "country": "US",
        "phone": "+1 217 555 0100",
    },
)
ACCENTED = shipment(
    tracking_number="00340434161094042557",
    ship_to={
        "name": "Zoë Ångström-Müller",
        "company": "Société Générale",
        "street1": "Rua São João, 1ª andar",
        "city": "Zürich",
        "region": "Région Île-de-France",
        "postal_code": "8001",
        "country": "CH",
    },
)
CYRILLIC = shipment(
    carrier="СДЭК",
    tracking_number="1234567890",
    ship_to={
        "name": "Иван Петров",
        "street1": "ул. Тверская, д. 7",
        "city": "Москва",
        "postal_code": "125009",
        "country": "RU",
    },
)
LONGEST = shipment(
    order_ref="R" * MAX_TEXT,
    carrier=("Carrier with an extraordinarily long name " * 3)[:MAX_TEXT].strip(),
    service=("Next-day before noon, signature required, " * 3)[:MAX_TEXT].strip(),
    tracking_number="1Z" + "9A" * 14,  # 30 characters, no long digit run: subset B throughout
    ship_from={k: ("Warehouse " * 20)[:MAX_TEXT] for k in ("name", "street1", "city")}
    | {"postal_code": "9" * 20, "country": "Narnia"},
    ship_to={
        k: ("浦东新区世纪大道" * 20)[:MAX_TEXT]
        for k in ("name", "company", "street1", "street2", "city", "region")
    }
    | {"postal_code": "200120", "country": "中华人民共和国", "phone": "+86 " + "5" * 30},
    package={"index": 999, "count": 999, "weight_kg": 9999.99},
)
ALL = {
    "ascii": ASCII,
    "accented": ACCENTED,
    "chinese": CHINESE,
    "cyrillic": CYRILLIC,
    "longest": LONGEST,
}
