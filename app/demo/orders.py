"""The demo's orders: seeded order lines from several channels and countries (names, addresses,
carriers and services as a shop would send them), as the §6 CSV rows and the §6 JSON form.
`generate_orders` and the two writers also make large order files for benchmarks and tests
(10,000 orders are about 30,000 lines). Pure Python.

Order fields: `priority` is an integer, higher = more urgent (0 standard, 1 express, 2 same-day).
`order_date` and `ship_by` are ISO 8601 date-times in UTC (`2026-12-01T08:15:00+00:00`).
"""

from __future__ import annotations

import csv
import json
import random
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import TypeVar

from app.demo.products import DemoProduct

T = TypeVar("T")  # what _weighted picks

ORDER_FIELDS = [
    "channel",
    "order_id",
    "order_date",
    "priority",
    "carrier",
    "service",
    "ship_by",
    "name",
    "company",
    "street1",
    "street2",
    "city",
    "region",
    "postal_code",
    "country",
    "phone",
    "email",
    "sku",
    "quantity",
]
ADDRESS_FIELDS = ORDER_FIELDS[7:17]
DEMO_START = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # orders arrive from here on
DEMO_ORDERS = 320
DEMO_FIRST_NUMBER = 100001
BENCH_FIRST_NUMBER = 1000001  # big order files: numbers clear of the demo's, so both can coexist

# Per country: names, (city, region, postal code, street with {n} = house number), phone,
# carriers as (carrier, standard service, express service).
COUNTRIES = {
    "CN": (
        ("王小明", "李娜", "张伟", "刘芳", "陈静", "杨磊", "赵秀英", "黄强"),
        (
            ("上海", "上海市", "200120", "浦东新区世纪大道{n}号"),
            ("北京", "北京市", "100022", "朝阳区建国路{n}号"),
            ("广州", "广东省", "510620", "天河区天河路{n}号"),
            ("深圳", "广东省", "518057", "南山区科技园南路{n}号"),
            ("杭州", "浙江省", "310012", "西湖区文三路{n}号"),
            ("宁波", "浙江省", "315100", "鄞州区天童南路{n}号"),
        ),
        "+86 21 5555 {p4}",
        (("SF Express", "Standard", "Express"),),
    ),
    "DE": (
        ("Jürgen Müller", "Käthe Weiß", "Björn Schäfer", "Günter Groß", "Lena Bäcker"),
        (
            ("München", "Bayern", "80331", "Schäfflerstraße {n}"),
            ("Köln", "Nordrhein-Westfalen", "50667", "Hohe Straße {n}"),
            ("Düsseldorf", "Nordrhein-Westfalen", "40213", "Königsallee {n}"),
            ("Nürnberg", "Bayern", "90402", "Königstraße {n}"),
            ("Berlin", "Berlin", "10117", "Schloßplatz {n}"),
        ),
        "+49 89 5555 {p4}",
        (("DHL", "Paket", "Express"),),
    ),
    "NL": (
        ("Sanne de Vries", "Daan Jansen", "Fleur van Dijk", "Joëlle Bakker"),
        (
            ("Amsterdam", "Noord-Holland", "1015 CJ", "Keizersgracht {n}"),
            ("Rotterdam", "Zuid-Holland", "3011 AD", "Coolsingel {n}"),
            ("Utrecht", "Utrecht", "3511 AB", "Oudegracht {n}"),
        ),
        "+31 20 555 {p4}",
        (("PostNL", "Standard", "Next Day"),),
    ),
    "GB": (
        ("Oliver Brown", "Amelia O'Connor", "Harry Wright", "Siobhán Kelly"),
        (
            ("London", "England", "NW1 6XE", "{n} Baker Street"),
            ("Manchester", "England", "M3 2BY", "{n} Deansgate"),
            ("Edinburgh", "Scotland", "EH2 2ER", "{n} Princes Street"),
        ),
        "+44 20 7946 {p4}",
        (("UPS", "Standard", "Express Saver"), ("DHL", "Parcel UK", "Express")),
    ),
    "US": (
        ("John Smith", "María García", "Emily Johnson", "DeShawn Williams"),
        (
            ("Springfield", "IL", "62701", "{n} Main St"),
            ("Seattle", "WA", "98101", "{n} Pike St"),
            ("Austin", "TX", "78701", "{n} Congress Ave"),
        ),
        "+1 206 555 {p4}",
        (("UPS", "Ground", "2nd Day Air"),),
    ),
    "RU": (
        ("Иван Петров", "Анна Смирнова", "Ольга Кузнецова"),
        (
            ("Москва", "Москва", "125009", "ул. Тверская, д. {n}"),
            ("Санкт-Петербург", "Санкт-Петербург", "191186", "Невский проспект, д. {n}"),
        ),
        "+7 495 555 {p4}",
        (("DHL", "Express Worldwide", "Express Worldwide"),),
    ),
}
COUNTRY_WEIGHTS = {"CN": 30, "DE": 20, "NL": 15, "GB": 12, "US": 15, "RU": 8}
COMPANIES = ("Müller Handels GmbH", "上海明华贸易有限公司", "Acme Retail Ltd", "De Winkel B.V.")
STREET2 = {"CN": ("3楼301室", "A座1205室"), "DE": ("2. OG", "Hinterhaus")}
STREET2_OTHER = ("Apt 4B", "Unit 12", "2nd floor")
CHANNELS = (("webshop", 55), ("marketplace", 30), ("edi", 15))
LINES_PER_ORDER = ((1, 15), (2, 20), (3, 30), (4, 20), (5, 15))  # mean 3 lines


# --- orders ---------------------------------------------------------------------------------


def _popularity(count: int) -> list[float]:
    # Zipf-like: a few products sell a lot, the long tail rarely. Cumulative, for rng.choices.
    return list(accumulate(1.0 / (rank + 8) ** 0.9 for rank in range(count)))


def _weighted(rng: random.Random, pairs: Iterable[tuple[T, float]]) -> T:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum() or c == " ").strip().replace(" ", ".")


def _ship_to(rng: random.Random, channel: str, number: int) -> dict:
    country = _weighted(rng, COUNTRY_WEIGHTS.items())
    names, cities, phone, _ = COUNTRIES[country]
    name = rng.choice(names)
    city, region, postal, street = rng.choice(cities)
    local = _ascii(name) or "customer"
    return {
        "name": name,
        "company": rng.choice(COMPANIES) if channel == "edi" else "",
        "street1": street.format(n=rng.randint(1, 180)),
        "street2": rng.choice(STREET2.get(country, STREET2_OTHER)) if rng.random() < 0.4 else "",
        "city": city,
        "region": region,
        "postal_code": postal,
        "country": country,
        "phone": phone.format(p4=f"{rng.randrange(10000):04d}"),
        "email": f"{local}.{number}@example.com",
    }


def generate_orders(
    n_orders: int,
    seed: int,
    products: list[DemoProduct] | list[str],
    *,
    start: datetime = DEMO_START,
    first_number: int = DEMO_FIRST_NUMBER,
) -> list[dict]:
    """Order-line rows (dicts keyed by ORDER_FIELDS), grouped by order, in arrival order.

    `products` may be DemoProducts or bare SKUs, most popular first.
    """
    rng = random.Random(f"{seed}-orders")
    skus = [p if isinstance(p, str) else p.sku for p in products]
    popularity = _popularity(len(skus))
    rows: list[dict] = []
    moment = start
    for number in range(first_number, first_number + n_orders):
        moment += timedelta(seconds=rng.randint(20, 240))
        header = _order_header(rng, number, moment)
        line_count = min(_weighted(rng, LINES_PER_ORDER), len(skus))
        chosen: set[str] = set()
        while len(chosen) < line_count:
            chosen.add(rng.choices(skus, cum_weights=popularity)[0])
        for sku in sorted(chosen):
            if header["channel"] == "edi":  # shops reorder by the case
                quantity = rng.choice((6, 12, 24))
            else:
                quantity = _weighted(rng, ((1, 75), (2, 18), (3, 5), (4, 2)))
            rows.append({**header, "sku": sku, "quantity": quantity})
    return rows


def _order_header(rng: random.Random, number: int, moment: datetime) -> dict:
    channel = _weighted(rng, CHANNELS)
    order_ids = {"webshop": f"WS-{number}", "marketplace": f"MP-{number:08d}"}
    priority = _weighted(rng, ((0, 80), (1, 15), (2, 5)))
    ship_to = _ship_to(rng, channel, number)
    carrier, standard, express = rng.choice(COUNTRIES[ship_to["country"]][3])
    ship_by = moment + timedelta(hours=(24, 8, 4)[priority])
    return {
        "channel": channel,
        "order_id": order_ids.get(channel, f"EDI-45{number:08d}"),
        "order_date": moment.isoformat(timespec="seconds"),
        "priority": priority,
        "carrier": carrier,
        "service": express if priority else standard,
        "ship_by": ship_by.isoformat(timespec="seconds"),
        **ship_to,
    }


def orders_as_json(rows: list[dict]) -> dict:
    """The §6 JSON form of order-line rows: one object per order, ship_to and lines nested."""
    orders: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["channel"], row["order_id"])
        if key not in orders:
            head = {f: row[f] for f in ORDER_FIELDS[:7]}
            orders[key] = {**head, "ship_to": {f: row[f] for f in ADDRESS_FIELDS}, "lines": []}
        orders[key]["lines"].append({"sku": row["sku"], "quantity": int(row["quantity"])})
    return {"orders": list(orders.values())}


def write_orders_csv(path: str | Path, rows: list[dict]) -> None:
    write_csv(path, ORDER_FIELDS, rows)


def write_orders_json(path: str | Path, rows: list[dict]) -> None:
    text = json.dumps(orders_as_json(rows), ensure_ascii=False, indent=1)
    Path(path).write_text(text + "\n", encoding="utf-8")


def write_csv(path: str | Path, fields: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
