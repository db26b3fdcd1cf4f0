"""Demo tooling that needs no database: `site_files` writes a demo site's files (layout,
products, stock, orders, users) in the import formats. Seeding a database from them is a use
case, `app/services/demo.py`."""
