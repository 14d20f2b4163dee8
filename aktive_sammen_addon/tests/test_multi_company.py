"""A municipality and a volunteer centre as two companies in one database: every record of a
case stays within its company, for every role (README: "every record stays within the
user's companies")."""

from odoo import Command
from odoo.tests import tagged

from ..models.aktive_participant import HISTORY_MODELS
from .common import GROUP
from .common import SIGNED
from .common import AktiveCase

# The case and every record of its history.
CASE_MODELS = ("aktive.participant", *HISTORY_MODELS)


@tagged("post_install", "-at_install")
class TestTwoCompanies(AktiveCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Vennesla frivilligsentral"})
        cls.users_b = {
            # The volunteer here is staff (the internal user's menus and lists).
            role: cls.new_role_user(
                f"aktive_b_{role}", role, cls.company_b, groups=f"{GROUP}{role}"
            )
            for role in ("volunteer", "municipal", "coordinator")
        }
        cls.cases = {
            company: cls.make_case(company) for company in (cls.env.company, cls.company_b)
        }

    @classmethod
    def make_case(cls, company):
        """One case with one record of every kind, its volunteer the company's volunteer user,
        its municipal contact the company's municipal user, sharing consented."""
        env = cls.env(context=dict(cls.env.context, allowed_company_ids=company.ids))
        users = cls.roles if company == cls.env.company else cls.users_b
        users["volunteer"].partner_id.write(
            {
                "is_aktive_volunteer": True,
                "aktive_confidentiality_date": cls.today,
                "aktive_confidentiality_document": SIGNED,
            }
        )
        participant = env["aktive.participant"].create(
            {
                "name": f"Case of {company.name}",
                "company_id": company.id,
                "municipal_contact_id": users["municipal"].partner_id.id,
                "consent_given": True,
                "consent_share_coordinator": True,
            }
        )
        link = {"participant_id": participant.id}
        member = env["aktive.network.member"].create(
            {**link, "partner_id": users["volunteer"].partner_id.id}
        )
        return {
            "aktive.participant": participant,
            "aktive.wish": env["aktive.wish"].create({**link, "name": "Walks"}),
            "aktive.network.member": member,
            "aktive.followup": env["aktive.followup"].create({**link, "date_planned": cls.today}),
            "aktive.sensitive.note": env["aktive.sensitive.note"].create(
                {**link, "note": "Health"}
            ),
            "aktive.contact.log": env["aktive.contact.log"].create(
                {**link, "note": "Coffee", "user_id": users["volunteer"].id}
            ),
            "aktive.contact.form.version": env["aktive.contact.form.version"].create(
                {**link, "version": 1}
            ),
        }

    def visible(self, user, model):
        return self.env[model].with_user(user).search([("id", "in", self.all_ids(model))])

    def all_ids(self, model):
        return [case[model].id for case in self.cases.values()]

    def test_each_role_sees_only_its_own_company(self):
        own_a = self.cases[self.env.company]
        own_b = self.cases[self.company_b]
        for role in ("volunteer", "municipal", "coordinator"):
            for users, own in ((self.roles, own_a), (self.users_b, own_b)):
                for model in CASE_MODELS:
                    if not self.env[model].with_user(users[role]).has_access("read"):
                        continue  # the role has no access to the model at all (volunteers)
                    with self.subTest(role=role, company=own[model].company_id.name, model=model):
                        visible = self.visible(users[role], model)
                        self.assertIn(own[model], visible, "its own company's record")
                        self.assertEqual(len(visible), 1, "not the other company's")

    def test_a_user_of_both_companies_sees_both_when_both_are_selected(self):
        both = self.env.company | self.company_b
        self.coordinator.write({"company_ids": [Command.set(both.ids)]})
        for model in CASE_MODELS:
            with self.subTest(model=model):
                records = self.env[model].with_user(self.coordinator)
                self.assertEqual(
                    len(
                        records.with_context(allowed_company_ids=both.ids).search(
                            [("id", "in", self.all_ids(model))]
                        )
                    ),
                    2,
                )
                self.assertEqual(
                    len(
                        records.with_context(allowed_company_ids=self.company_b.ids).search(
                            [("id", "in", self.all_ids(model))]
                        )
                    ),
                    1,
                )
