"""The printed words on labels and packing slips, per site language (`language` in the site's
packing settings: en | zh_CN). printing/ is Qt-free, so this is a plain table rather than Qt's
translator. A label is read by carriers too: Chinese captions keep the English word beside them
where a carrier's sorter looks for it (tracking, SSCC).

Add a caption to every language here; tests/unit/printing/test_captions.py checks that each
language has every key and the same {placeholders}.
"""

from __future__ import annotations

from app.domain.shipment_label import DEFAULT_LANGUAGE

CAPTIONS: dict[str, dict[str, str]] = {
    "en": {
        "ship_to": "SHIP TO",
        "from": "FROM",
        "tracking": "TRACKING",
        "sscc": "SSCC",
        "order": "Order {order}",
        "package": "Pkg {index}/{count}",
        "weight": "{weight} kg",
        "label_title": "Label {order}",
        "slip_title": "Packing slip {order}",
        "slip_heading": "Packing slip — order {order}",
        "sku": "SKU",
        "item": "Item",
        "quantity": "Qty",
        "total": "Total items",
        "packed_by": "Packed by {user}",
        "packed_at": " at {time}",
        "slip_package": " — package {package}",
    },
    "zh_CN": {
        "ship_to": "收货人 SHIP TO",
        "from": "发货人 FROM",
        "tracking": "运单号 TRACKING",
        "sscc": "物流单元码 SSCC",
        "order": "订单 {order}",
        "package": "第 {index}/{count} 件",
        "weight": "{weight} 千克",
        "label_title": "面单 {order}",
        "slip_title": "装箱单 {order}",
        "slip_heading": "装箱单 — 订单 {order}",
        "sku": "货号",
        "item": "商品",
        "quantity": "数量",
        "total": "合计件数",
        "packed_by": "包装员 {user}",
        "packed_at": "，时间 {time}",
        "slip_package": " — 包裹 {package}",
    },
}


def caption(language: str, key: str, **values) -> str:
    """The caption in the site's language; an unknown language prints English."""
    table = CAPTIONS.get(language) or CAPTIONS[DEFAULT_LANGUAGE]
    return table[key].format(**values)
