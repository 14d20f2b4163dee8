from odoo.tests import TransactionCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestNorwegian(TransactionCase):
    """With Norwegian bokmål active (the demo data activates it), the method reads in
    Norwegian: data, field labels and messages."""

    def test_steps_and_labels_in_bokmal(self):
        self.assertTrue(self.env["res.lang"]._lang_get("nb_NO"), "bokmål is active")
        nb = self.env(context={"lang": "nb_NO"})
        stage = nb.ref("aktive_sammen_addon.stage_need_reported")
        self.assertEqual(stage.name, "1. Behovet meldes")
        field = nb["ir.model.fields"]._get("aktive.participant", "coordinator_id")
        self.assertEqual(field.field_description, "Koordinator")
        self.assertEqual(nb.ref("aktive_sammen_addon.aktive_participant_menu").name, "Deltakere")
