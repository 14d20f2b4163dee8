"""19.0.2.1.0: the dashboard is a query model now (report/aktive_dashboard.py, no table of its
own): the table of 19.0.1's dashboard wizard, which Odoo leaves behind when a model stops
being stored, is dropped. The case-worker group and its implications are plain data."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        "SELECT 1 FROM pg_class WHERE relname = 'aktive_dashboard' AND relkind = 'r'"
        " AND relnamespace = 'public'::regnamespace"
    )
    if cr.fetchone():
        cr.execute("DROP TABLE aktive_dashboard CASCADE")
