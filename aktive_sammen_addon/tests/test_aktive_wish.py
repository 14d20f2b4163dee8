from odoo import Command
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestWish(AktiveCase):
    def test_dropped_needs_a_reason(self):
        wish = self.add_wish()
        with self.assertRaisesRegex(ValidationError, "why the wish"):
            wish.state = "dropped"
        wish.write({"state": "dropped", "drop_reason": "Health got worse"})
        self.assertEqual(wish.state, "dropped")

    def test_agreeing_dates_the_agreement(self):
        wish = self.add_wish()
        wish.state = "agreed"
        self.assertEqual(wish.date_agreed, self.today)

    def test_carried_only_by_its_own_network(self):
        other = self.env["aktive.participant"].create({"name": "Someone Else"})
        foreign = self.add_member(self.relative, participant=other)
        with self.assertRaisesRegex(ValidationError, "own participant's network"):
            self.add_wish(network_member_ids=[Command.set(foreign.ids)])
        own = self.add_member(self.volunteer)
        wish = self.add_wish(network_member_ids=[Command.set(own.ids)])
        self.assertEqual(own.wish_ids, wish)

    def test_offer_from_the_catalogue(self):
        activity = self.env["aktive.activity"].create(
            {"name": "Literature group", "category_ids": [Command.set(self.category.ids)]}
        )
        wish = self.add_wish(activity_id=activity.id)
        self.assertEqual(activity.wish_ids, wish)

    def test_fulfilling_dates_it_for_the_annual_report(self):
        wish = self.add_wish(state="agreed")
        self.assertFalse(wish.date_fulfilled)
        wish.state = "fulfilled"
        self.assertEqual(wish.date_fulfilled, self.today)
        self.assertEqual(self.add_wish(state="fulfilled").date_fulfilled, self.today)

    def test_agreed_or_fulfilled_wish_is_dropped_not_deleted(self):
        for state in ("agreed", "fulfilled"):
            wish = self.add_wish(state=state)
            with self.subTest(state=state), self.assertRaisesRegex(UserError, "set it to Dropped"):
                wish.unlink()
        typo = self.add_wish()
        typo.unlink()
        self.assertFalse(typo.exists(), "a new wish written by mistake can go")
