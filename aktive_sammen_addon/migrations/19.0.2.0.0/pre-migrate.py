"""19.0.2.0.0: the addon's record rules changed (contact cards made under a participant's and
a participant's old card, portal volunteers). They are noupdate data: let this one update load
them again from security/aktive_rules.xml, which marks them noupdate once more."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """UPDATE ir_model_data SET noupdate = FALSE
            WHERE module = 'aktive_sammen_addon' AND model = 'ir.rule'"""
    )
