from datetime import timedelta

from dateutil.relativedelta import relativedelta
from odoo import Command
from odoo.tests import tagged

from .common import SIGNED
from .common import AktiveCase


@tagged("post_install", "-at_install")
class TestArneScenario(AktiveCase):
    """Arne's story from seed 000, step 1 to 5, then his health changes."""

    def test_arne_from_need_reported_to_follow_up_and_health_change(self):
        Partner = self.env["res.partner"]
        daughter = Partner.create({"name": "Kari (datter)", "phone": "922 33 444"})
        # Step 1: the daughter reports the need; Arne already is a contact.
        arne_contact = Partner.create({"name": "Arne Sødal", "phone": "913 45 678"})
        arne = self.env["aktive.participant"].create(
            {
                "partner_id": arne_contact.id,
                "referral_source": "relative",
                "referrer_id": daughter.id,
                "target_group": "senior",
                "coordinator_id": self.coordinator.id,
            }
        )
        self.assertEqual(arne.stage_id, self.stages[0])

        # Step 2: the conversation - his life in his own words.
        arne.action_next_step()
        arne.write(
            {
                "life_story": "<p>Widower, always active, loves reading. Lions for years.</p>",
                "interests": "Lions, literature and art",
                "consent_given": True,
                "consent_date": self.today,
            }
        )
        # Step 3: clarify the wishes.
        lions = self.add_wish(arne, name="Keep going to Lions meetings")
        books = self.add_wish(arne, name="Talk about books with others")
        visits = self.add_wish(
            arne,
            name="Someone to talk to at home",
            category_id=self.env.ref("aktive_sammen_addon.wish_category_visits").id,
        )
        arne.action_next_step()
        # Step 4: agree, then establish the network.
        (lions | books | visits).write({"state": "agreed"})
        arne.action_next_step()
        self.assertEqual(arne.stage_id, self.stages[3])
        Partner = self.env["res.partner"]
        signed = {
            "is_aktive_volunteer": True,
            "aktive_confidentiality_date": self.today,
            "aktive_confidentiality_document": SIGNED,
        }
        kare = Partner.create({"name": "Kåre", "aktive_driving_licence": True, **signed})
        randi = Partner.create({"name": "Randi", "aktive_driving_licence": True, **signed})
        mahmoud = Partner.create({"name": "Mahmoud", **signed})
        lions_club = Partner.create({"name": "Lions Club", "is_company": True})
        driver = self.add_member(
            kare, arne, role_id=self.role_drive.id, wish_ids=[Command.set(lions.ids)]
        )
        self.add_member(randi, arne, role_id=self.role_drive.id, wish_ids=[Command.set(books.ids)])
        visitor = self.add_member(mahmoud, arne, wish_ids=[Command.set(visits.ids)])
        self.add_member(lions_club, arne, role_id=False)
        self.assertFalse(arne.network_vulnerable)
        self.assertEqual(arne.active_member_count, 4)
        # Step 5: follow-up.
        arne.action_next_step()
        self.assertEqual(arne.stage_id, self.stages[4])
        (lions | books).write({"state": "fulfilled"})
        # The first follow-up is planned a week after the network is established.
        [first] = arne.followup_ids.filtered(lambda f: f.state == "planned")
        self.assertEqual(first.date_planned, self.today + timedelta(days=7))
        first.write({"summary": "Very happy; Mahmoud has visited twice.", "outcome": "continue"})
        first.action_hold()
        self.assertEqual(arne.next_followup_date, self.today + relativedelta(months=2))

        # Months later his health declines: a visiting friend more than a driving friend.
        second = first.next_followup_id
        second.write(
            {
                "with_whom": "home_care",
                "summary": "Health declining; keep Mahmoud, pause the Lions driving.",
                "outcome": "adjust",
                "date_held": self.today,
            }
        )
        second.action_hold()
        driver.action_end()
        lions.write({"state": "dropped", "drop_reason": "Too tiring for now"})
        self.add_wish(arne, name="Short car trips", state="clarifying")
        self.assertTrue(visitor.active)
        self.assertEqual(arne.active_member_count, 3)
        self.assertFalse(arne.network_vulnerable, "Randi, Mahmoud and Lions still carry it")
        # Stepping back to re-establish the network is allowed and logged.
        arne.stage_id = self.stages[3]
        self.assertIn("Moved back", str(arne.message_ids[0].body))
        arne.action_next_step()
        self.assertEqual(arne.stage_id, self.stages[4])
        self.assertEqual(len(arne.followup_ids.filtered(lambda f: f.state == "held")), 2)
        self.assertEqual(len(arne.followup_ids.filtered(lambda f: f.state == "planned")), 1)


@tagged("post_install", "-at_install")
class TestDemoStories(AktiveCase):
    def test_demo_stories_are_spread_over_the_steps(self):
        ref = self.env.ref
        arne = ref("aktive_sammen_addon.participant_arne_demo")
        self.assertEqual(arne.stage_id, self.stages[4])
        self.assertEqual(arne.coordinator_id.name, "Bjørg Haugland")
        mahmoud = ref("aktive_sammen_addon.partner_mahmoud_demo")
        self.assertIn(mahmoud, arne.network_member_ids.partner_id)
        live = ref("aktive_sammen_addon.participant_live_demo")
        # Seed 000: Eva follows up BPA for the municipality, and Live came to her.
        eva = ref("aktive_sammen_addon.user_eva_demo")
        self.assertEqual(live.municipal_contact_id, eva.partner_id)
        self.assertEqual(live.referrer_id, eva.partner_id)
        self.assertTrue(eva.has_group("aktive_sammen_addon.group_aktive_municipal"))
        self.assertFalse(eva.has_group("aktive_sammen_addon.group_aktive_coordinator"))
        self.assertIn(eva, live.municipal_unit_id.user_ids)
        participants = self.env["aktive.participant"].search(
            [
                (
                    "id",
                    "in",
                    [
                        ref(f"aktive_sammen_addon.participant_{n}_demo").id
                        for n in (
                            "arne",
                            "inger",
                            "astrid",
                            "vera",
                            "solveig",
                            "live",
                            "ivar",
                            "line",
                            "per",
                            "gunnar",
                        )
                    ],
                )
            ]
        )
        self.assertEqual(len(participants), 10)
        self.assertEqual(participants.stage_id, self.env["aktive.stage"].search([]), "all 5 steps")
        self.assertEqual(
            participants.filtered(lambda p: p.state == "paused"),
            ref("aktive_sammen_addon.participant_per_demo"),
            "Per's walks wait while he is at the nursing home",
        )
        held = participants.followup_ids.filtered(lambda f: f.state == "held")
        planned = participants.followup_ids.filtered(lambda f: f.state == "planned")
        self.assertTrue(held and planned)
        astrid = ref("aktive_sammen_addon.participant_astrid_demo")
        self.assertTrue(astrid.followup_overdue, "the demo shows an overdue follow-up at once")
