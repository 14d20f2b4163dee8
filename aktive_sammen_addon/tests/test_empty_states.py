"""Guidance in every empty state (issue 16): each window action of the addon that opens a
list, a board, a calendar, a graph or a pivot says what belongs there and how it gets
there - in bokmål for the demo users. A form-only action never shows an empty state."""

from odoo.tests import TransactionCase
from odoo.tests import tagged

SMILING = 'class="o_view_nocontent_smiling_face"'


@tagged("post_install", "-at_install")
class TestEmptyStates(TransactionCase):
    def actions(self):
        data = self.env["ir.model.data"].search(
            [("module", "=", "aktive_sammen_addon"), ("model", "=", "ir.actions.act_window")]
        )
        actions = self.env["ir.actions.act_window"].browse(data.mapped("res_id"))
        return actions.filtered(lambda a: a.view_mode.split(",")[0] != "form")

    def test_every_action_explains_its_empty_screen(self):
        actions = self.actions()
        self.assertGreaterEqual(len(actions), 25)
        for action in actions:
            with self.subTest(action=action.get_external_id()[action.id]):
                self.assertIn(SMILING, action.help or "")
                # A title and a sentence that explains: two paragraphs.
                self.assertGreaterEqual((action.help or "").count("<p"), 2)

    def test_the_guidance_is_in_bokmal(self):
        english = self.actions().with_context(lang="en_US")
        norwegian = self.actions().with_context(lang="nb_NO")
        untranslated = [
            action.get_external_id()[action.id]
            for action, nb in zip(english, norwegian, strict=True)
            if action.help == nb.help
        ]
        self.assertFalse(untranslated)
